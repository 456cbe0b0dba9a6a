package io.github.visionjsonl.config;

import java.io.IOException;

/**
 * A configuration file that is not one: broken, binary, too large, or with an unknown key, a
 * value of the wrong type or an unknown rule code. The message is one line, naming the file, the
 * line and the key: {@code vision-jsonl.yaml:4: rules: unknown rule "unknown-feild"}.
 */
public final class ConfigException extends IOException {

    private static final long serialVersionUID = 1L;

    ConfigException(String message) {
        super(message);
    }
}
