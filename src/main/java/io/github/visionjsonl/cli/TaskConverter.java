package io.github.visionjsonl.cli;

import io.github.visionjsonl.Task;
import picocli.CommandLine;

/**
 * Reads {@code --task}: a task's SDK name or one of its short names ({@link Task#fromName}). An
 * unknown name is a usage error whose message is printed as it is, without picocli's
 * "Invalid value for option" before it (see {@link #message}).
 */
class TaskConverter implements CommandLine.ITypeConverter<Task> {

    @Override
    public Task convert(String name) {
        return Task.fromName(name).orElseThrow(() -> new UnknownTask("--task: unknown task '" + name + "'" + expected()));
    }

    /** What the message adds after the unknown name. */
    String expected() {
        return "";
    }

    /** The task converter of {@code validate} and {@code report}, whose message lists the tasks. */
    static final class Listing extends TaskConverter {

        @Override
        String expected() {
            return "; expected image-classification, image-classification-multilabel, "
                    + "image-object-detection or image-instance-segmentation";
        }
    }

    /**
     * The message of a usage error: an unknown task's own, the rest as picocli words them.
     */
    static String message(CommandLine.ParameterException e) {
        return e.getCause() instanceof UnknownTask unknown ? unknown.getMessage() : e.getMessage();
    }

    /** An unknown task name. */
    private static final class UnknownTask extends CommandLine.TypeConversionException {

        private static final long serialVersionUID = 1L;

        UnknownTask(String message) {
            super(message);
        }
    }
}
