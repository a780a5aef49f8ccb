package com.fankeep.cli;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "currency", mixinStandardHelpOptions = true,
        description = {"The shop's currency per platform: what the amounts of an export without a currency column are in.",
                "A file's own currency column or money signs always win; `import --currency CODE` wins for one import."},
        subcommands = {CurrencyCommand.ListCurrencies.class, CurrencyCommand.SetCurrency.class})
final class CurrencyCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Each platform and its currency (- where none is set).")
    static final class ListCurrencies extends ServiceCommand {

        @Option(names = "--json", description = "print JSON: {\"taobao\": \"CNY\", \"woocommerce\": null, …}")
        boolean json;

        ListCurrencies(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            Map<String, String> all = services().shopCurrencies().all();
            if (json) {
                context.out().println(Json.write(all));
                return Cli.OK;
            }
            all.forEach((platform, code) -> context.out().println(
                    messages().get("import.currency.row", platform, code == null ? messages().get("import.currency.none") : code)));
            return Cli.OK;
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Sets a platform's currency (ISO 4217 code such as EUR); --default clears it back to the default.")
    static final class SetCurrency extends ServiceCommand {

        @Parameters(index = "0", paramLabel = "PLATFORM", description = "taobao, jd, pinduoduo, youzan, douyin, wechat, shopify, woocommerce, etsy or ebay")
        String platform;

        @Parameters(index = "1", arity = "0..1", paramLabel = "CODE", description = "the currency, e.g. EUR")
        String code;

        @Option(names = "--default", description = "clear the setting (CNY for Chinese platforms, none for the others)")
        boolean toDefault;

        SetCurrency(CliContext context) {
            super(context);
        }

        @Override
        int run() {
            if (code == null && !toDefault) {
                context.err().println(messages().get("import.currency.codeNeeded"));
                return Cli.USAGE;
            }
            services().shopCurrencies().set(platform, toDefault ? null : code);
            String now = services().shopCurrencies().all().get(platform.strip().toLowerCase(java.util.Locale.ROOT));
            context.out().println(messages().get("import.currency.set", platform, now == null ? messages().get("import.currency.none") : now));
            return Cli.OK;
        }
    }
}
