package com.fankeep.core.merge;

/** A "find duplicates" scan: pairs that matched, and how many of them are new suggestions (the rest were known or dismissed). */
public record ScanResult(int pairsFound, int newSuggestions) {
}
