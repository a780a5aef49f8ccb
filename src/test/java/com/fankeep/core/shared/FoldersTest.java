package com.fankeep.core.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FoldersTest {

    @Test
    void deletesAFolderWithNestedFilesAndToleratesAMissingOne(@TempDir Path temp) throws Exception {
        Path root = temp.resolve("samples");
        Files.createDirectories(root.resolve("taobao/more"));
        Files.writeString(root.resolve("taobao/ExportOrderList.csv"), "x");
        Files.writeString(root.resolve("taobao/more/b.csv"), "y");

        Folders.deleteTree(root);

        assertThat(root).doesNotExist();
        assertThat(temp).exists();
        assertThatCode(() -> Folders.deleteTree(root)).doesNotThrowAnyException();
    }
}
