package io.github.visionjsonl.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.visionjsonl.internal.files.AtomicOutput;
import java.io.EOFException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipException;
import picocli.CommandLine;

/**
 * The one line a command prints when it fails: what failed, on which file (the one the user
 * named, never a temporary file), and what to do; never an exception's class or a library's
 * internal wording.
 */
final class ErrorMessages {

    /** A library's message about one of its parameters: {@code invalidRate must be in [0, 1], was 2.0}. */
    private static final Pattern PARAMETER = Pattern.compile("^[a-z][A-Za-z]* (must .*)$");

    /** The temporary file {@code AtomicOutput} writes beside an output. */
    private static final Pattern TEMPORARY = Pattern.compile("^\\.(.+)\\.[0-9a-f]+\\.tmp$");

    private ErrorMessages() {
    }

    /**
     * Prints the line for an I/O failure and returns the exit code of an unreadable input or
     * unwritable output.
     *
     * @param reading what was being read, as the user named it, for failures that name no file
     * @param outputs the outputs the command writes (none given or {@code null} for none), the
     *     main one first: the one an existing file is refused for when the failure names none
     */
    static int print(PrintWriter err, IOException e, String reading, Path... outputs) {
        err.println("vision-jsonl: " + describe(e, reading, outputs));
        err.flush();
        return VisionJsonl.USAGE;
    }

    /** The line for an I/O failure (without the {@code vision-jsonl: } prefix). */
    static String describe(IOException e, String reading, Path... outputs) {
        Path output = outputFor(e, outputs);
        if (output != null) {
            return writing(e, output);
        }
        String named = e instanceof FileSystemException fs ? fs.getFile() : null;
        String file = named != null ? named : reading;
        return "cannot read " + file + ": " + readReason(e, file);
    }

    /**
     * The reason an input could not be read, without the file's name, for reports that carry
     * the name elsewhere (the {@code error} of a JSON report).
     */
    static String readReason(IOException e, String file) {
        if (e instanceof NoSuchFileException) {
            return "no such file; check the path";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied; check the file's permissions";
        }
        if (e instanceof NotDirectoryException) {
            return "not a folder";
        }
        if (e instanceof ZipException || e instanceof EOFException) {
            return "the gzip data is corrupt or cut short; check the file with gzip -t, or copy it again";
        }
        if (e instanceof CharacterCodingException) {
            return "not UTF-8 text; save it as UTF-8";
        }
        if (e instanceof JsonProcessingException json) {
            JsonLocation at = json.getLocation();
            return "not valid JSON" + (at == null || at.getLineNr() < 1 ? "" : " at line " + at.getLineNr()
                    + ", column " + at.getColumnNr()) + ": " + json.getOriginalMessage();
        }
        return plain(e, file);
    }

    private static String writing(IOException e, Path output) {
        if (e instanceof FileAlreadyExistsException exists) {
            String reason = exists.getReason();
            boolean known = AtomicOutput.APPEARED.equals(reason) || AtomicOutput.DANGLING_LINK.equals(reason);
            return output + " " + (known ? reason : AtomicOutput.EXISTS);
        }
        Path folder = output.getParent();
        String where = folder == null ? "the current folder" : "folder " + folder;
        if (e instanceof NoSuchFileException && folder != null && !Files.isDirectory(folder)) {
            Path missing = folder;
            while (missing.getParent() != null && !Files.exists(missing.getParent())) {
                missing = missing.getParent();
            }
            return "cannot write " + output + ": folder " + missing + " does not exist; create it first or choose another output";
        }
        if (e instanceof NoSuchFileException) {
            return "cannot write " + output + ": files cannot be created in " + where + "; choose another output";
        }
        if (e instanceof AccessDeniedException) {
            return "cannot write " + output + ": no permission to create files in " + where
                    + "; choose a folder you can write to";
        }
        return "cannot write " + output + ": " + plain(e, output.toString()) + "; choose another output";
    }

    /** Whether a failure is about one of the outputs: refused, or naming one, its temporary file or a file in it. */
    static boolean isAbout(IOException e, Path... outputs) {
        return outputFor(e, outputs) != null;
    }

    /** The output (as the user would name it) a failure is about, or null when it is about an input. */
    private static Path outputFor(IOException e, Path... outputs) {
        String named = e instanceof FileSystemException fs ? fs.getFile() : null;
        for (Path output : outputs) {
            if (output != null && named != null && isOutput(Path.of(named), output)) {
                return output;
            }
            if (output != null && named != null && Files.isDirectory(output) && inFolder(Path.of(named), output)) {
                return output.resolve(userName(Path.of(named).getFileName().toString()));
            }
        }
        return e instanceof FileAlreadyExistsException && outputs.length > 0 ? outputs[0] : null;
    }

    /** Whether a file is directly in an output folder (one of many outputs written there). */
    private static boolean inFolder(Path named, Path folder) {
        Path parent = named.toAbsolutePath().normalize().getParent();
        return parent != null && parent.equals(folder.toAbsolutePath().normalize());
    }

    /** The name of the output a temporary file stands for ({@code .a.png.0123abcd.tmp} for {@code a.png}). */
    private static String userName(String name) {
        Matcher m = TEMPORARY.matcher(name);
        return m.matches() ? m.group(1) : name;
    }

    /** Whether a file named by a failure is the output or the temporary file beside it. */
    private static boolean isOutput(Path named, Path output) {
        Path a = named.toAbsolutePath().normalize();
        Path o = output.toAbsolutePath().normalize();
        if (a.equals(o)) {
            return true;
        }
        String name = a.getFileName() == null ? "" : a.getFileName().toString();
        return o.getFileName() != null && a.getParent() != null && a.getParent().equals(o.getParent())
                && name.startsWith("." + o.getFileName() + ".") && name.endsWith(".tmp");
    }

    /** A failure's own text, without the file name it often repeats, in lower case as the rest of the line. */
    private static String plain(IOException e, String file) {
        String m = e instanceof FileSystemException fs ? fs.getReason() : e.getMessage();
        if (m == null || m.isBlank()) {
            return "an input/output error";
        }
        if (m.startsWith(file + " ")) {
            m = m.substring(file.length() + 1);
        }
        if (m.equals("Is a directory")) {
            return "is a folder, not a file";
        }
        return m.length() > 1 && Character.isUpperCase(m.charAt(0)) && Character.isLowerCase(m.charAt(1))
                ? m.substring(0, 1).toLowerCase(Locale.ROOT) + m.substring(1) : m;
    }

    /**
     * Applies an option's value to a library builder, turning the builder's refusal (which
     * names its Java parameter) into a usage error that names the option.
     */
    static void option(CommandLine cli, String option, Runnable apply) {
        try {
            apply.run();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cli, optionMessage(option, e.getMessage()));
        }
    }

    /** {@code invalidRate must be in [0, 1], was 2.0} for {@code --invalid-rate} is {@code --invalid-rate must be ...}. */
    static String optionMessage(String option, String message) {
        Matcher m = PARAMETER.matcher(message == null ? "" : message);
        return m.matches() ? option + " " + m.group(1) : option + ": " + message;
    }
}
