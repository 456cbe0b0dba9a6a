package io.github.visionjsonl.cli;

import picocli.CommandLine;

/** Reads the version from the jar manifest. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = VisionJsonl.class.getPackage().getImplementationVersion();
        return new String[] {"vision-jsonl " + (v == null ? "(development build)" : v)};
    }
}
