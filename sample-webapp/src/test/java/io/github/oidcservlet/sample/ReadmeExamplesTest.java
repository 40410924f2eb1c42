package io.github.oidcservlet.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ```java} block of the README compiles as written, against the published modules (core, filter,
 * mechanism, testkit) and the APIs a user has (Servlet, Jakarta EE 10, Jetty, JUnit, AssertJ): a README example that
 * stops compiling, or a type that leaves the API, fails the build. A block is a whole source file: imports shown,
 * one file per block. Fragments belong in another fence ({@code ```text}).
 */
class ReadmeExamplesTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("(?m)^```java\\n(.*?)^```", Pattern.DOTALL);
    private static final Pattern PUBLIC_TYPE =
            Pattern.compile("(?m)^public (?:final |abstract )*(?:class|interface|record|enum) (\\w+)");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package ([\\w.]+);");

    @Test
    void everyJavaBlockOfTheReadmeCompiles(@TempDir Path work) throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        List<String> failures = new ArrayList<>();
        int blocks = 0;
        Matcher block = JAVA_BLOCK.matcher(readme);
        while (block.find()) {
            blocks++;
            int line = (int) readme.substring(0, block.start(1)).chars().filter(c -> c == '\n').count() + 1;
            failures.addAll(compile(block.group(1), line, work.resolve("block" + blocks)));
        }
        assertThat(blocks).as("```java blocks in README.md").isGreaterThanOrEqualTo(3);
        assertThat(failures).as("README.md examples that do not compile").isEmpty();
    }

    /** Compiles one block as one source file; answers its errors, each with the README line it is on. */
    private static List<String> compile(String source, int firstLine, Path dir) throws IOException {
        Matcher type = PUBLIC_TYPE.matcher(source);
        Matcher pkg = PACKAGE.matcher(source);
        Path sourceDir = dir.resolve("src").resolve(pkg.find() ? pkg.group(1).replace('.', '/') : "");
        Path file = sourceDir.resolve((type.find() ? type.group(1) : "Example") + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source, StandardCharsets.UTF_8);
        Path classes = Files.createDirectories(dir.resolve("classes"));

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            List<String> options = List.of("-classpath", System.getProperty("java.class.path"),
                    "-d", classes.toString(), "-proc:none", "--release", "17");
            javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjects(file.toFile())).call();
        }
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                errors.add("README.md:" + (firstLine + d.getLineNumber() - 1) + ": " + d.getMessage(Locale.ROOT));
            }
        }
        return errors;
    }
}
