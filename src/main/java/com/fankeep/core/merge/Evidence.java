package com.fankeep.core.merge;

/** Why two customers may be one person: the reason code (same_phone, same_email, name_address, similar_nickname) and what matched. */
public record Evidence(String reason, String detail) {
}
