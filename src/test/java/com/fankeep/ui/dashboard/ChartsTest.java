package com.fankeep.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fankeep.core.insight.ChartData;
import com.fankeep.core.insight.DashboardText;
import com.fankeep.core.shared.Messages;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.Axis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The dashboard's count charts label whole numbers: an empty shop's chart reads 0, 1, 2, never "0.0" or "0.5". */
@ExtendWith(ApplicationExtension.class)
class ChartsTest {

    private final Messages m = Messages.of(Locale.ENGLISH);
    private StackPane root;

    @Start
    void start(Stage stage) {
        root = new StackPane();
        stage.setScene(new Scene(root, 600, 400));
        stage.show();
    }

    @Test
    void anEmptyShopsMonthlyChartShowsWholeCountsAndNoEmptyMoneyChart() throws Exception {
        List<BigDecimal> none = List.of(BigDecimal.ZERO, BigDecimal.ZERO);
        ChartData monthly = new ChartData("monthly", List.of("new", "returning"),
                List.of(new ChartData.Row("2026-11", none, null), new ChartData.Row("2026-12", none, null)));

        Node chart = show(monthly);

        assertThat(chart).as("buyers only: no revenue line chart without a currency").isInstanceOf(XYChart.class);
        assertThat(tickLabels(((XYChart<?, ?>) chart).getYAxis())).containsExactly("0", "1", "2");
    }

    @Test
    void aSmallCountsBarsStepByWholeNumbers() throws Exception {
        ChartData provinces = new ChartData("provinces", List.of("buyers"),
                List.of(new ChartData.Row("浙江", List.of(BigDecimal.valueOf(3)), null), new ChartData.Row("上海", List.of(BigDecimal.ONE), null)));

        XYChart<?, ?> chart = (XYChart<?, ?>) show(provinces);

        assertThat(tickLabels(chart.getXAxis())).containsExactly("0", "1", "2", "3", "4");
    }

    @Test
    void revenueKeepsItsOwnChart() throws Exception {
        ChartData monthly = new ChartData("monthly", List.of("new", "returning", "revenue.CNY"),
                List.of(new ChartData.Row("2026-12", List.of(BigDecimal.ONE, BigDecimal.ZERO, new BigDecimal("99.50")), null)));

        Node box = show(monthly);

        assertThat(box.lookupAll(".chart").stream().filter(n -> n instanceof LineChart<?, ?>)).hasSize(1);
    }

    private Node show(ChartData data) throws Exception {
        Node chart = WaitForAsyncUtils.asyncFx(() -> {
            Node n = Charts.of(data, new DashboardText(m), r -> { }, m);
            root.getChildren().setAll(n);
            return n;
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return chart;
    }

    private static List<String> tickLabels(Axis<?> axis) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !axis.getTickMarks().isEmpty());
        // what the axis shows: its tick marks' text nodes, in the order of their values
        return WaitForAsyncUtils.asyncFx(() -> axis.getChildrenUnmodifiable().stream().filter(n -> n instanceof Text && n.isVisible())
                .map(n -> ((Text) n).getText()).toList()).get(10, TimeUnit.SECONDS);
    }
}
