package com.fankeep.core.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateRendererTest {

    @Test
    void everyPlaceholderIsFilledIn() {
        Rendered r = TemplateRenderer.render("{name}您好！{last_item}已发出，{carrier}单号：{tracking_no}",
                Map.of("name", "陈静", "last_item", "粗陶茶壶", "carrier", "韵达快递", "tracking_no", "46289817576103"));
        assertThat(r.text()).isEqualTo("陈静您好！粗陶茶壶已发出，韵达快递单号：46289817576103");
        assertThat(r.complete()).isTrue();
    }

    @Test
    void aMissingValueLeavesNoBracesAndIsReportedOnce() {
        Rendered r = TemplateRenderer.render("Hi {name}, tracking {tracking_no}. Again: {tracking_no}!", Map.of("name", "Amy"));
        assertThat(r.text()).isEqualTo("Hi Amy, tracking. Again:!").doesNotContain("{").doesNotContain("}");
        assertThat(r.missing()).containsExactly("tracking_no");
    }

    @Test
    void unknownPlaceholdersAndBlankValuesCountAsMissing() {
        Rendered r = TemplateRenderer.render("{name} {coupon} {shop_name}", Map.of("name", "小雨", "shop_name", " "));
        assertThat(r.text()).isEqualTo("小雨");
        assertThat(r.missing()).containsExactly("coupon", "shop_name");
    }

    @Test
    void valuesWithDollarsAndBackslashesAreTakenLiterally() {
        Rendered r = TemplateRenderer.render("{name}", Map.of("name", "A$1\\b"));
        assertThat(r.text()).isEqualTo("A$1\\b");
    }

    @Test
    void textWithoutPlaceholdersIsKeptAsItIs() {
        assertThat(TemplateRenderer.render("  谢谢  光临 ", Map.of()).text()).isEqualTo("  谢谢  光临 ");
    }
}
