package com.campaignmanager.shared.db.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MigrationsTest {

    @Test
    void theIndexListsEveryFileInTheDirectory() throws IOException {
        Path directory = Path.of("src/main/resources", Migrations.DIRECTORY);
        List<String> files;
        try (Stream<Path> paths = Files.list(directory)) {
            files = paths.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList();
        }

        assertThat(Migrations.fromClasspath()).extracting(Migration::fileName).containsExactlyElementsOf(files);
    }

    @Test
    void checksumIgnoresLineEndings() {
        assertThat(Migration.of("V1__a.sql", "SELECT 1;\r\nSELECT 2;").checksum())
                .isEqualTo(Migration.of("V1__a.sql", "SELECT 1;\nSELECT 2;").checksum());
    }

    @Test
    void badNamesAndDuplicateVersionsAreRejected() {
        assertThatThrownBy(() -> Migration.of("001_init.sql", "")).isInstanceOf(MigrationException.class);
        assertThatThrownBy(() -> Migrations.ordered(List.of(Migration.of("V1__a.sql", ""),
                Migration.of("V001__b.sql", "")))).hasMessageContaining("version 1");
    }
}
