package com.fankeep.core.shared;

/**
 * A phone number as written in a file, and what it is.
 *
 * @param raw        the value as found (after unwrapping Excel protection such as ="…" or a leading ')
 * @param e164       +8613800138000, or null when it cannot be a dialable full number (masked, invalid)
 * @param kind       what sort of number this is
 * @param usableAsKey true only for a real mobile number: masked, landline and virtual numbers never merge people
 */
public record NormalizedPhone(String raw, String e164, Kind kind, boolean usableAsKey) {

    public enum Kind { MOBILE, LANDLINE, VIRTUAL, MASKED, INVALID }
}
