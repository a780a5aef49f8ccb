package com.fankeep.core.importing.model;

/** Where an imported item came from: the file and the row the owner can find it at. */
public record SourceRef(String file, long row) {
}
