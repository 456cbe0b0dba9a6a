package io.github.visionjsonl.rules.internal;

import jakarta.validation.MessageInterpolator;
import java.util.Locale;
import java.util.Map;
import org.hibernate.validator.messageinterpolation.HibernateMessageInterpolatorContext;

/**
 * Fills vision-jsonl's message templates from the shared bundle with the parameters each
 * constraint validator added. Plain substitution, no Expression Language: messages cost little,
 * and the validator needs no EL implementation.
 */
public final class RuleMessageInterpolator implements MessageInterpolator {

    @Override
    public String interpolate(String messageTemplate, Context context) {
        Map<String, Object> params = context.unwrap(HibernateMessageInterpolatorContext.class).getMessageParameters();
        return Messages.interpolate(messageTemplate, params);
    }

    @Override
    public String interpolate(String messageTemplate, Context context, Locale locale) {
        return interpolate(messageTemplate, context);
    }
}
