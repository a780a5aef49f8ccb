package com.fankeep.core.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fankeep.core.shared.Messages;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The language by example: precedence, aliases, quoting, and errors that say where and what. */
class RuleParserTest {

    private static Rule.Clause c(SegmentField f, Op op, String v) {
        return new Rule.Clause(f, op, v);
    }

    @Test
    void theIssueExampleParsesAndPrintsBack() {
        Rule r = RuleParser.parse("city = 上海 and orders >= 3 and last_order within 180d");
        assertThat(r).isEqualTo(new Rule.And(List.of(c(SegmentField.CITY, Op.EQ, "上海"), c(SegmentField.ORDERS, Op.GE, "3"),
                c(SegmentField.LAST_ORDER, Op.WITHIN, "180"))));
        assertThat(RulePrinter.print(r)).isEqualTo("city = 上海 and orders >= 3 and last_order within 180d");
    }

    @Test
    void chineseAliasesMeanTheSame() {
        assertThat(RuleParser.parse("城市 = 上海 且 订单数 >= 3")).isEqualTo(RuleParser.parse("city = 上海 and orders >= 3"));
        assertThat(RuleParser.parse("非 免打扰 或 等级 = 铁粉 且 有 微信")).isEqualTo(RuleParser.parse("not do_not_contact or tier = iron_fan and has wechat"));
        assertThat(RuleParser.parse("最近下单 近 30天")).isEqualTo(RuleParser.parse("last_order within 30d"));
        assertThat(RuleParser.parse("城市=上海")).isEqualTo(RuleParser.parse("city = 上海"));
        assertThat(RulePrinter.print(RuleParser.parse("tier = vip and has wechat"), true)).isEqualTo("等级 = VIP 且 有 微信");
    }

    @Test
    void andBindsTighterThanOrAndParenthesesChangeIt() {
        Rule a = c(SegmentField.CITY, Op.EQ, "a");
        Rule b = c(SegmentField.CITY, Op.EQ, "b");
        Rule d = c(SegmentField.CITY, Op.EQ, "d");
        assertThat(RuleParser.parse("city = a or city = b and city = d")).isEqualTo(new Rule.Or(List.of(a, new Rule.And(List.of(b, d)))));
        Rule grouped = RuleParser.parse("(city = a or city = b) and city = d");
        assertThat(grouped).isEqualTo(new Rule.And(List.of(new Rule.Or(List.of(a, b)), d)));
        assertThat(RulePrinter.print(grouped)).isEqualTo("(city = a or city = b) and city = d");
        assertThat(RuleParser.parse("NOT (city = a AND city = b)")).isEqualTo(new Rule.Not(new Rule.And(List.of(a, b))));
    }

    @Test
    void quotedValuesKeepSpacesAndQuotes() {
        Rule r = RuleParser.parse("group = \"QQ 粉丝群\" and item contains \"say \\\"hi\\\"\"");
        assertThat(r.clauses()).extracting(Rule.Clause::value).containsExactly("QQ 粉丝群", "say \"hi\"");
        assertThat(RuleParser.parse(RulePrinter.print(r))).isEqualTo(r);
    }

    @Test
    void valuesAreKeptInCanonicalForm() {
        assertThat(RuleParser.parse("spend >= 100.50").clauses().getFirst().value()).isEqualTo("100.5");
        assertThat(RuleParser.parse("tier = 铁粉").clauses().getFirst().value()).isEqualTo("iron_fan");
        assertThat(RuleParser.parse("first_order before 2024-05-01").clauses().getFirst().value()).isEqualTo("2024-05-01");
    }

    @Test
    void anUnknownFieldSaysWhereAndSuggestsTheClosest() {
        assertThatThrownBy(() -> RuleParser.parse("city = 上海 and ordrs >= 3"))
                .isInstanceOf(SegmentRuleException.class)
                .hasMessage("column 15: unknown field \"ordrs\" — did you mean orders?")
                .extracting(e -> ((SegmentRuleException) e).column()).isEqualTo(15);
    }

    @Test
    void errorsCarryTheColumnOfTheProblem() {
        assertThat(column("")).isEqualTo(1);
        assertThat(column("orders >= three")).isEqualTo(11);
        assertThat(column("orders contains 3")).isEqualTo(8);
        assertThat(column("tier = vipp")).isEqualTo(8);
        assertThat(column("city = 上海 and")).isEqualTo(14);
        assertThat(column("(city = 上海 or orders > 1")).isEqualTo(1);
        assertThat(column("city = \"上海")).isEqualTo(8);
        assertThat(column("city = 上海 orders > 1")).isEqualTo(11);
        assertThat(column("last_order within soon")).isEqualTo(19);
        assertThat(column("first_order before 2024-13-01")).isEqualTo(20);
        assertThat(column("birthday_month = 13")).isEqualTo(18);
        assertThat(column("city = 上海)")).isEqualTo(10);
        assertThat(column("orders >")).isEqualTo(9);
    }

    @Test
    void choicesSuggestTooAndMessagesAreLocalized() {
        SegmentRuleException e = catchRule("tier = vipp");
        assertThat(e.suggestion()).isEqualTo("vip");
        assertThat(e.localized(Messages.of(Locale.SIMPLIFIED_CHINESE))).startsWith("第 8 列").contains("vip");
        assertThat(catchRule("城市 = 上海 且 订单 >= 3").localized(Messages.of(Locale.SIMPLIFIED_CHINESE)))
                .isEqualTo("第 11 列：没有字段“订单” — 是不是想写 订单数？");
    }

    private static int column(String text) {
        return catchRule(text).column();
    }

    private static SegmentRuleException catchRule(String text) {
        try {
            RuleParser.parse(text);
        } catch (SegmentRuleException e) {
            return e;
        }
        throw new AssertionError("parsed: " + text);
    }
}
