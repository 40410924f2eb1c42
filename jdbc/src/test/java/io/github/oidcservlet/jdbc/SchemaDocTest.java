package io.github.oidcservlet.jdbc;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The DDL printed for DBAs is the DDL the store runs. */
class SchemaDocTest {

    @ParameterizedTest
    @ValueSource(strings = {"../README.md", "../docs/CLUSTERING.md"})
    void theDocumentedDdlIsTheDdlTheStoreRuns(String document) throws IOException {
        String text = Files.readString(Path.of(document), StandardCharsets.UTF_8);
        int start = text.indexOf("```sql\nCREATE TABLE") >= 0 ? text.indexOf("```sql\nCREATE TABLE")
                : text.indexOf("```sql\n--");
        String block = text.substring(text.indexOf('\n', start) + 1, text.indexOf("```", start + 6));
        String documented = block.lines().filter(line -> !line.startsWith("--"))
                .collect(Collectors.joining(" ")).replaceAll("\\s+", " ").trim();
        String run = String.join("; ", new Schema("oidc_").ddl()) + ";";
        assertThat(documented.replace("( ", "(")).isEqualTo(run);
    }
}
