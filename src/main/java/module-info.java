/**
 * vision-jsonl: streams and validates AutoML-for-Images JSON Lines datasets. The packages exported
 * here are the API; {@code cli} and every {@code internal} package are implementation, free to
 * change between versions. On the class path (where most users run it) this descriptor is ignored
 * and the same packages are the API by convention.
 */
module io.github.visionjsonl {
    // Types of these appear in the API: constraint annotations, JsonGenerator, BufferedImage.
    requires transitive jakarta.validation;
    requires transitive com.fasterxml.jackson.core;
    requires transitive java.desktop;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires org.yaml.snakeyaml;
    requires org.hibernate.validator;
    requires java.xml;
    // Optional in the pom: the command line, and the assertions for users' tests. The HTML
    // report's ECharts webjar is a resource only, found through the class loader.
    requires static info.picocli;
    requires static transitive org.assertj.core;

    exports io.github.visionjsonl;
    exports io.github.visionjsonl.assertj;
    exports io.github.visionjsonl.config;
    exports io.github.visionjsonl.convert;
    exports io.github.visionjsonl.generate;
    exports io.github.visionjsonl.html;
    exports io.github.visionjsonl.images;
    exports io.github.visionjsonl.mltable;
    exports io.github.visionjsonl.model;
    exports io.github.visionjsonl.predict;
    exports io.github.visionjsonl.reading;
    exports io.github.visionjsonl.report;
    exports io.github.visionjsonl.rules;
    // For engines that validate in parts on several machines (the spark project), not for applications.
    exports io.github.visionjsonl.spi;

    // A Bean Validation provider (Hibernate Validator) reads the records' constraints and
    // creates the constraint validators reflectively.
    opens io.github.visionjsonl.model;
    opens io.github.visionjsonl.rules.internal;
    // picocli sets the command line's options into the commands' fields.
    opens io.github.visionjsonl.cli to info.picocli;
}
