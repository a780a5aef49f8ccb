package com.fankeep.ui.shell;

import com.fankeep.core.shared.Messages;
import com.fankeep.ui.AppServices;
import com.fankeep.ui.campaigns.CampaignsView;
import com.fankeep.ui.common.JobHandle;
import com.fankeep.ui.common.Localization;
import com.fankeep.ui.common.UiTasks;
import com.fankeep.ui.customers.CustomersView;
import com.fankeep.ui.dashboard.DashboardView;
import com.fankeep.ui.groups.GroupsView;
import com.fankeep.ui.imports.ImportsView;
import com.fankeep.ui.launches.LaunchesView;
import com.fankeep.ui.recovery.RecoveryView;
import com.fankeep.ui.settings.SettingsView;
import com.fankeep.ui.settings.SettingsViewModel;
import com.fankeep.ui.today.TodayView;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The main window: sidebar, current page, task panel and status bar. ViewModels live as long as the window;
 * views are rebuilt from them whenever the language changes, so a switch needs no restart (ADR 0002).
 */
public final class MainWindow {

    static final String STYLESHEET = "/css/fankeep.css";

    private final Stage stage;
    private final UiTasks tasks;
    private final Localization localization;
    private final ShellViewModel shell = new ShellViewModel();
    private final StatusBarViewModel statusBar;
    private final SettingsViewModel settings;
    private final BorderPane root = new BorderPane();

    private Messages messages;
    private Sidebar sidebar;
    private TaskPanelView taskPanel;

    public MainWindow(Stage stage, AppServices services, UiTasks tasks, Localization localization) {
        this.stage = stage;
        this.tasks = tasks;
        this.localization = localization;
        this.statusBar = new StatusBarViewModel(services.stats(), tasks, services.dataFolder());
        this.settings = new SettingsViewModel(services.settings(), tasks, localization, services.dataFolder());
    }

    public void show() {
        root.getStyleClass().add("main-window");
        Scene scene = new Scene(root, 1180, 740);
        scene.getStylesheets().add(MainWindow.class.getResource(STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(560);

        buildViews();
        localization.messagesProperty().addListener(o -> buildViews());
        shell.pageProperty().addListener(o -> showPage());
        // A finished job (import, undo, …) may have changed the counts.
        tasks.runningJobs().addListener((ListChangeListener<JobHandle>) c -> {
            while (c.next()) {
                if (c.wasRemoved()) {
                    statusBar.refresh();
                }
            }
        });

        stage.show();
        statusBar.refresh();
    }

    private void buildViews() {
        messages = localization.messages();
        stage.setTitle(messages.get("app.title"));
        sidebar = new Sidebar(messages, shell);
        root.setLeft(sidebar.node());
        if (taskPanel != null) {
            taskPanel.dispose();
        }
        taskPanel = new TaskPanelView(tasks.runningJobs(), messages);
        root.setBottom(new VBox(taskPanel.node(), new StatusBarView(statusBar, messages).node()));
        showPage();
    }

    private void showPage() {
        PageId page = shell.page();
        sidebar.select(page);
        Node view = pageView(page, messages);
        view.getStyleClass().add("page");
        root.setCenter(view);
    }

    private Node pageView(PageId page, Messages m) {
        Runnable importOrders = () -> shell.open(PageId.IMPORTS);
        return switch (page) {
            case TODAY -> new TodayView(m, importOrders).node();
            case CUSTOMERS -> new CustomersView(m, importOrders).node();
            case RECOVERY -> new RecoveryView(m, importOrders).node();
            case GROUPS -> new GroupsView(m, importOrders).node();
            case CAMPAIGNS -> new CampaignsView(m, () -> shell.open(PageId.GROUPS)).node();
            case LAUNCHES -> new LaunchesView(m, () -> shell.open(PageId.CUSTOMERS)).node();
            case IMPORTS -> new ImportsView(m).node();
            case DASHBOARD -> new DashboardView(m, importOrders).node();
            case SETTINGS -> new SettingsView(settings, m).node();
        };
    }
}
