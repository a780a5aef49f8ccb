package com.fankeep.core.importing.format;

import java.time.ZoneId;

/**
 * What a reader needs besides the rows.
 *
 * @param fileName the file's name, for problem reports
 * @param zone     the shop's time zone, for times without an offset (Chinese platforms: Asia/Shanghai)
 */
public record FormatContext(String fileName, ZoneId zone) {
}
