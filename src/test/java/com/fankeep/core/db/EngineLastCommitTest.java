package com.fankeep.core.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine keeps the last commit findable in the file's bytes, as a kill leaves them (ADR 0005, ADR 0066). H2 2.5.252
 * does not when the commit's chunk fills a free gap the previous chunk did not predict: its store header then names
 * the chunk before, so the file opened after a kill (or a byte copy of it: a backup) lacks the commit. This guards an
 * engine upgrade; run with {@code -Dh2.version=2.5.252} it fails.
 */
class EngineLastCommitTest {

    @TempDir
    Path temp;

    @Test
    void aCommitWhoseChunkFillsAFreeGapIsInACopyOfTheOpenFile() throws Exception {
        Path file = temp.resolve("store.mv.db");
        Path copy = temp.resolve("copy.mv.db");
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
        try {
            store.setRetentionTime(0); // a dead chunk's space is free at once: the gaps this needs
            MVMap<Integer, byte[]> map = store.openMap("m");
            for (int i = 0; i < 40; i++) { // small chunks, most of them dead soon: small gaps inside the file
                map.put(i % 4, new byte[3000 + 500 * (i % 3)]);
                store.commit();
            }
            map.put(1000, new byte[200_000]); // a chunk no gap holds: the end of the file, next predicted after it
            store.commit();
            map.remove(1000);
            store.commit();
            map.put(7, new byte[10]); // a small chunk: into a gap, not where the one before predicted
            store.commit();
            Files.copy(file, copy); // what a kill leaves, and what a backup copies
        } finally {
            store.close();
        }
        MVStore opened = new MVStore.Builder().fileName(copy.toString()).readOnly().open();
        try {
            assertThat(opened.<Integer, byte[]>openMap("m").containsKey(7))
                    .as("the last acknowledged commit is in the copy of the open file").isTrue();
        } finally {
            opened.close();
        }
    }
}
