package io.github.visionjsonl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.InputStream;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The library on the module path: the compiled classes and the library's dependencies (no test
 * jar) resolved as modules in a layer of their own, and used through reflection as another
 * module would use them. The other tests run on the class path, as most users do.
 */
class ModulePathTest {

    private static final String MODULE = "io.github.visionjsonl";
    /** The library's runtime dependencies: every other jar of the test class path stays out of the layer. */
    private static final List<String> DEPENDENCIES = List.of("jackson-", "jakarta.validation-api-",
            "hibernate-validator-", "jboss-logging-", "classmate-", "snakeyaml-");

    private static ModuleLayer layer;
    private static ClassLoader loader;

    @BeforeAll
    static void resolve() throws URISyntaxException {
        List<Path> paths = new ArrayList<>();
        paths.add(Path.of(DatasetValidator.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (name.endsWith(".jar") && DEPENDENCIES.stream().anyMatch(name::startsWith)) {
                paths.add(Path.of(entry));
            }
        }
        ModuleLayer boot = ModuleLayer.boot();
        Configuration config = boot.configuration().resolve(ModuleFinder.of(paths.toArray(Path[]::new)),
                ModuleFinder.of(), Set.of(MODULE));
        layer = boot.defineModulesWithOneLoader(config, ClassLoader.getPlatformClassLoader());
        loader = layer.findLoader(MODULE);
    }

    @Test
    void theLibraryIsANamedModuleThatExportsOnlyItsApi() throws Exception {
        Module module = layer.findModule(MODULE).orElseThrow();
        Class<?> validator = loader.loadClass(MODULE + ".DatasetValidator");
        assertThat(validator.getModule()).isSameAs(module);
        assertThat(validator).isNotSameAs(DatasetValidator.class);

        Set<String> exported = module.getDescriptor().exports().stream().map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toSet());
        assertThat(exported).contains(MODULE, MODULE + ".model", MODULE + ".reading", MODULE + ".report",
                MODULE + ".rules");
        assertThat(exported).noneMatch(p -> p.contains("internal") || p.endsWith(".cli"));
        assertThat(module.getPackages()).contains(MODULE + ".internal.engine", MODULE + ".reading.internal");
    }

    @Test
    void validatesAFileAndItsLinesThroughTheModule() throws Exception {
        Class<?> validatorType = loader.loadClass(MODULE + ".DatasetValidator");
        Object validator = validatorType.getMethod("create").invoke(null);
        String file = "{\"image_url\": \"azureml://datastores/d/paths/a.jpg\", \"label\": \"cat\"}\n"
                + "{\"image_url\": \"azureml://datastores/d/paths/b.jpg\", \"label\": \"dog\"}\n"
                + "{\"image_url\": \"azureml://datastores/d/paths/c.jpg\"}\n";

        Object report = validatorType.getMethod("validate", InputStream.class, String.class).invoke(validator,
                stream(file), "module.jsonl");
        Class<?> reportType = loader.loadClass(MODULE + ".report.ValidationReport");
        assertThat(reportType.getMethod("isValid").invoke(report)).isEqualTo(false);
        assertThat(((Enum<?>) reportType.getMethod("task").invoke(report)).name()).isEqualTo("IMAGE_CLASSIFICATION");
        List<?> findings = (List<?>) reportType.getMethod("findings").invoke(report);
        Class<?> findingType = loader.loadClass(MODULE + ".report.Finding");
        Object first = findings.get(0);
        assertThat(findingType.getMethod("line").invoke(first)).isEqualTo(3L);
        assertThat(((Enum<?>) findingType.getMethod("rule").invoke(first)).name()).isEqualTo("MISSING_FIELD");

        // The readers are API types whose implementations stay in the unexported engine.
        Class<?> recordType = loader.loadClass(MODULE + ".model.ImageRecord");
        Object reader = validatorType.getMethod("records", InputStream.class, String.class, Class.class)
                .invoke(validator, stream(file), "module.jsonl", recordType);
        Class<?> readerType = loader.loadClass(MODULE + ".reading.RecordReader");
        assertThat(reader.getClass().getModule().isExported(reader.getClass().getPackageName())).isFalse();
        int records = 0;
        for (Iterator<?> it = (Iterator<?>) readerType.getMethod("iterator").invoke(reader); it.hasNext(); it.next()) {
            records++;
        }
        assertThat(records).isEqualTo(2);
        Object readerReport = readerType.getMethod("report").invoke(reader);
        assertThat(reportType.getMethod("errors").invoke(readerReport)).isEqualTo(1L);
        Method close = AutoCloseable.class.getMethod("close");
        close.invoke(reader);
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
