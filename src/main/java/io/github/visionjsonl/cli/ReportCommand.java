package io.github.visionjsonl.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code vision-jsonl report}: {@code validate} that also writes the HTML report; the verdict,
 * the printed findings and the exit code are validate's.
 */
@Command(name = "report",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Validates the files like 'validate' and writes one self-contained HTML page about them: a verdict per "
                + "file, the rules that fired, charts of classes, objects, box shapes and image sizes, and with "
                + "--images-root a gallery of thumbnails with the boxes and polygons drawn. The page needs no network.",
            "The findings and the exit code are those of 'validate'. See docs/report.md.",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no finding at or above the fail-on severity",
            "1:a finding at or above the fail-on severity",
            "2:usage error, an input that cannot be read, or an output that exists",
            VisionJsonl.INTERNAL_ERROR})
final class ReportCommand extends ValidateCommand {

    @Mixin
    NewFile output;

    @Override
    public Integer call() {
        html = output.path;
        return super.call();
    }
}
