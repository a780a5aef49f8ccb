package com.fankeep.core.template;

/**
 * A message with placeholders such as {name} or {tracking_no}.
 *
 * @param code    the built-in's code (shipping_notice, delivery_check, birthday, win_back, launch_teaser); null for the owner's own
 * @param locale  zh_CN or en for built-ins; null for the owner's own (shown in every language)
 */
public record MessageTemplate(long id, String code, String locale, String name, String body, boolean builtin) {
}
