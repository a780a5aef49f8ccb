package com.fankeep.ui.shell;

import com.fankeep.core.shared.Messages;
import com.fankeep.ui.AppServices;
import com.fankeep.ui.campaigns.CampaignsView;
import com.fankeep.ui.common.Dialogs;
import com.fankeep.ui.common.JobHandle;
import com.fankeep.ui.common.Localization;
import com.fankeep.ui.common.UiTasks;
import com.fankeep.ui.customers.CustomersView;
import com.fankeep.ui.customers.CustomersViewModel;
import com.fankeep.ui.dashboard.DashboardView;
import com.fankeep.ui.duplicates.DuplicatesView;
import com.fankeep.ui.duplicates.DuplicatesViewModel;
import com.fankeep.ui.groups.GroupsView;
import com.fankeep.ui.imports.ColumnMappingDialog;
import com.fankeep.ui.imports.ImportPreviewDialog;
import com.fankeep.ui.imports.ImportsView;
import com.fankeep.ui.imports.ImportsViewModel;
import com.fankeep.ui.launches.LaunchesView;
import com.fankeep.ui.recovery.RecoverySettingsSection;
import com.fankeep.ui.recovery.RecoveryView;
import com.fankeep.ui.privacy.EraseCustomerAction;
import com.fankeep.ui.settings.BackupViewModel;
import com.fankeep.ui.recovery.RecoveryViewModel;
import com.fankeep.ui.settings.SettingsView;
import com.fankeep.ui.settings.SettingsViewModel;
import com.fankeep.ui.interaction.CustomerActivityViewModel;
import com.fankeep.ui.templates.FollowUpSettingsView;
import com.fankeep.ui.templates.FollowUpSettingsViewModel;
import com.fankeep.ui.today.TodayView;
import com.fankeep.ui.today.TodayViewModel;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
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
    private final com.fankeep.ui.campaigns.CampaignsViewModel campaigns;
    private final com.fankeep.ui.launches.LaunchesViewModel launches;
    private final Localization localization;
    private final ShellViewModel shell = new ShellViewModel();
    private final StatusBarViewModel statusBar;
    private final SettingsViewModel settings;
    private final BackupViewModel backups;
    private final ImportsViewModel imports;
    private final CustomersViewModel customers;
    private CustomersView customersView;
    private final EraseCustomerAction eraseCustomer;
    private final com.fankeep.ui.settings.DataCheckViewModel dataCheck;
    private final com.fankeep.ui.settings.CompactViewModel compact;
    private final com.fankeep.ui.settings.CurrencySettingsModel currencySettings;
    private final com.fankeep.ui.tiers.TierSettingsViewModel tierSettings;
    private final DuplicatesViewModel duplicates;
    private final RecoveryViewModel recovery;
    private final com.fankeep.ui.groups.GroupsViewModel groups;
    private final com.fankeep.ui.segments.SegmentsViewModel segments;
    private final com.fankeep.ui.dashboard.DashboardViewModel dashboard;
    private final com.fankeep.ui.dashboard.ActiveDaysViewModel activeDays;
    private final TodayViewModel today;
    private final FollowUpSettingsViewModel followUpSettings;
    private final Dialogs dialogs;
    private final StartNotice startNotice = new StartNotice();
    private final BorderPane root = new BorderPane();

    private Messages messages;
    private Sidebar sidebar;
    private TaskPanelView taskPanel;

    private final com.fankeep.ui.common.LayoutMemory layouts;
    /** Stops tracking the stage's place (set by {@link #show}). */
    private Runnable forgetPlacement = () -> { };

    public MainWindow(Stage stage, AppServices services, UiTasks tasks, Localization localization, Dialogs dialogs) {
        this(stage, services, tasks, localization, dialogs, com.fankeep.ui.common.LayoutMemory.none());
    }

    /** @param layouts window size and table layouts remembered from the last run */
    public MainWindow(Stage stage, AppServices services, UiTasks tasks, Localization localization, Dialogs dialogs,
                      com.fankeep.ui.common.LayoutMemory layouts) {
        this.stage = stage;
        this.layouts = layouts;
        this.tasks = tasks;
        this.localization = localization;
        this.statusBar = new StatusBarViewModel(services.stats(), tasks, services.dataFolder());
        this.settings = new SettingsViewModel(services.settings(), tasks, localization, services.dataFolder());
        this.backups = new BackupViewModel(services.backups(), tasks, dialogs, localization::messages, javafx.application.Platform::exit);
        this.imports = new ImportsViewModel(services.imports(), tasks, dialogs, localization::messages, statusBar::refresh);
        imports.useUnassigned(new com.fankeep.ui.imports.UnassignedOrdersModel(services.unassignedOrders(), tasks,
                localization::messages, statusBar::refresh));
        this.customers = new CustomersViewModel(services.customers(), services.search(), tasks);
        customers.useExports(services.customerExports(), dialogs);
        customers.useLapseDays(services.settings()::recoveryLapseDays);
        CustomerActivityViewModel profileActivity = new CustomerActivityViewModel(services.interactions(), services.followUps(),
                services.templates(), tasks);
        profileActivity.useTexts(key -> localization.messages().get(key));
        customers.useActivity(profileActivity);
        customers.useTiers(new com.fankeep.ui.tiers.CustomerTierViewModel(services.tiers(), tasks));
        this.tierSettings = new com.fankeep.ui.tiers.TierSettingsViewModel(services.tiers(), tasks, localization::messages,
                com.fankeep.ui.tiers.Debounce.fx(java.time.Duration.ofMillis(350)));
        this.dataCheck = new com.fankeep.ui.settings.DataCheckViewModel(services.integrity(), tasks, localization::messages);
        this.compact = new com.fankeep.ui.settings.CompactViewModel(services.integrity().fileCompaction(), tasks, localization::messages);
        this.currencySettings = new com.fankeep.ui.settings.CurrencySettingsModel(services.imports().currencies(), tasks,
                localization::messages);
        this.eraseCustomer = new EraseCustomerAction(services.erasure(),
                new com.fankeep.core.privacy.ErasedInBackups(services.erasure(), services.backups()), tasks, dialogs, localization::messages);
        this.duplicates = new DuplicatesViewModel(services.merges(), tasks, localization::messages, statusBar::refresh);
        this.recovery = new RecoveryViewModel(services.recovery(), services.customerExports(), tasks, dialogs, localization::messages,
                services.settings());
        this.groups = new com.fankeep.ui.groups.GroupsViewModel(services.groups(), services.cityCircles(), services.customerExports(),
                services.followUps(), tasks, dialogs, localization::messages);
        this.campaigns = new com.fankeep.ui.campaigns.CampaignsViewModel(services.campaigns(), services.search(), services.groups(),
                tasks, dialogs, localization::messages);
        this.launches = new com.fankeep.ui.launches.LaunchesViewModel(services.launches(), services.customers(), services.search(),
                tasks, dialogs, localization::messages);
        customers.useReferrals(services.referrals());
        groups.useReferrers(new com.fankeep.ui.referrals.ReferrersViewModel(services.referrals(), tasks));
        customers.useGroups(new com.fankeep.ui.groups.AddToGroupAction(services.groups(), tasks, dialogs));
        this.segments = new com.fankeep.ui.segments.SegmentsViewModel(services.segments(), tasks, localization::messages);
        this.dialogs = dialogs;
        this.today = new TodayViewModel(services.followUps(), services.followUpRules(), services.templates(), services.stats(),
                new CustomerActivityViewModel(services.interactions(), services.followUps(), services.templates(), tasks), tasks);
        this.followUpSettings = new FollowUpSettingsViewModel(services.settings(), services.templates(), tasks);
        today.activity().useTexts(key -> localization.messages().get(key));
        today.setNextSteps(() -> com.fankeep.ui.today.NextStep.read(services.recovery(), services.merges(), services.imports()));
        this.dashboard = new com.fankeep.ui.dashboard.DashboardViewModel(services.dashboard(), services.aggregates(), tasks, dialogs,
                localization::messages);
        dashboard.useOpenRule(rule -> {
            customers.filter(rule.isEmpty() ? com.fankeep.core.customer.CustomerFilter.NONE
                    : new com.fankeep.core.customer.CustomerFilter(null, null, null, null, null, null, null, null, null, null, rule));
            shell.open(PageId.CUSTOMERS);
        });
        this.activeDays = new com.fankeep.ui.dashboard.ActiveDaysViewModel(services.dashboard(), tasks, localization::messages);
        dashboard.useOpenLink(link -> {
            if (link.page().equals("campaign")) {
                campaigns.showNext(link.id());
                shell.open(PageId.CAMPAIGNS);
            } else {
                shell.open(PageId.LAUNCHES);
            }
        });
        today.setOpenCustomer(id -> {
            shell.open(PageId.CUSTOMERS);
            customers.open(id);
        });
    }

    private com.fankeep.ui.crypto.EncryptionViewModel encryption;

    /** Adds the "Password / encryption" section to Settings. */
    public MainWindow withEncryption(com.fankeep.ui.crypto.EncryptionViewModel encryption) {
        this.encryption = encryption;
        return this;
    }

    public void show() {
        root.getStyleClass().add("main-window");
        Scene scene = new Scene(root);
        scene.getStylesheets().add(MainWindow.class.getResource(STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.setMinWidth(WindowPlacement.MIN_WIDTH);
        stage.setMinHeight(WindowPlacement.MIN_HEIGHT);
        // where the owner left it, or fitted to the screen (the stage may be up at the password prompt's size)
        layouts.install(stage);
        forgetPlacement = WindowMemory.place(stage, layouts);

        buildViews();
        localization.messagesProperty().addListener(o -> buildViews());
        shell.pageProperty().addListener(o -> showPage());
        // A finished job (import, undo, …) may have changed the counts.
        tasks.runningJobs().addListener((ListChangeListener<JobHandle>) c -> {
            while (c.next()) {
                if (c.wasRemoved()) {
                    // a big import, its undo, a large merge or erasure may leave the file mostly old chunks
                    if (c.getRemoved().stream().noneMatch(j -> compact.isOwnJob(j.title()))) {
                        compact.compactIfBloated();
                    }
                    statusBar.refresh();
                    if (customersView != null) {
                        customers.reload();
                    }
                    today.refresh();
                }
            }
        });

        // Files dropped anywhere on the window are imported, whatever page is showing.
        scene.setOnDragOver(this::dragOver);
        scene.setOnDragDropped(this::dropped);
        ImportPreviewDialog.showWhenReady(stage, imports.flow(), localization::messages);
        ColumnMappingDialog.showWhenReady(stage, imports.flow(), localization::messages);

        stage.show();
        statusBar.refresh();
        imports.refresh();
        today.refresh(); // cheap (the agenda and one "any data?" query), whichever page shows first
        afterFirstPage(() -> {
            customers.startIndex(); // the search index loads in the background
            // the rules catch up on start (e.g. birthdays that came round), then the owner hears what is due
            today.startUp(n -> {
                startNotice.dueCount.set(n);
                buildNotice();
            });
        });
    }

    /**
     * The app stopped: what this window added to its stage is taken off again, so the stage (which may outlive the app,
     * as TestFX's one primary stage does) no longer holds this window, its pages and the app's services. FX thread.
     */
    public void close() {
        forgetPlacement.run();
        forgetPlacement = () -> { };
        layouts.uninstall(stage);
    }

    /**
     * Runs {@code work} on the FX thread once the first page has its figures: start-up work in the background
     * (search index, follow-up rules, integrity check, daily passes) never competes with the first page.
     */
    public void afterFirstPage(Runnable work) {
        today.whenLoaded(work);
    }

    private void dragOver(DragEvent e) {
        if (e.getDragboard().hasFiles() && !imports.flow().busyProperty().get()) {
            e.acceptTransferModes(TransferMode.COPY);
        }
        e.consume();
    }

    private void dropped(DragEvent e) {
        List<Path> files = e.getDragboard().hasFiles()
                ? e.getDragboard().getFiles().stream().map(File::toPath).toList() : List.of();
        boolean started = !files.isEmpty() && imports.importFiles(files);
        if (started) {
            shell.open(PageId.IMPORTS);
        }
        e.setDropCompleted(started);
        e.consume();
    }

    private void buildViews() {
        messages = localization.messages();
        stage.setTitle(messages.get("app.title"));
        sidebar = new Sidebar(messages, shell, page -> {
            if (page == PageId.CUSTOMERS) {
                customers.close(); // Customers in the sidebar means the list, not the profile that was last open
            }
            shell.open(page);
        });
        root.setLeft(sidebar.node());
        if (taskPanel != null) {
            taskPanel.dispose();
        }
        taskPanel = new TaskPanelView(tasks.runningJobs(), messages);
        root.setBottom(new VBox(taskPanel.node(), new StatusBarView(statusBar, messages).node()));
        buildNotice();
        showPage();
    }

    private void showPage() {
        PageId page = shell.page();
        sidebar.select(page);
        if (customersView != null) {
            customersView.dispose();
            customersView = null;
        }
        Node view = pageView(page, messages);
        view.getStyleClass().add("page");
        root.setCenter(view);
    }

    private Node pageView(PageId page, Messages m) {
        Runnable importOrders = () -> shell.open(PageId.IMPORTS);
        Runnable loadSample = () -> {
            shell.open(PageId.IMPORTS);
            imports.loadSampleData();
        };
        return switch (page) {
            case TODAY -> new TodayView(today, m, dialogs, importOrders, loadSample).withNextSteps(step -> shell.open(switch (step) {
                case WIN_BACK -> PageId.RECOVERY;
                case DUPLICATES -> PageId.DUPLICATES;
                case IMPORT -> PageId.IMPORTS;
            })).node();
            case CUSTOMERS -> {
                customersView = new CustomersView(customers, m, importOrders, loadSample)
                        .withErase(id -> eraseCustomer.erase(id, erased -> customers.close()));
                yield customersView.node();
            }
            case DUPLICATES -> new DuplicatesView(duplicates, m).node();
            case RECOVERY -> new RecoveryView(recovery, m, importOrders).withOpen(id -> {
                shell.open(PageId.CUSTOMERS);
                customers.open(id);
            }).node();
            case SEGMENTS -> new com.fankeep.ui.segments.SegmentsView(segments, m).node();
            case GROUPS -> {
                customers.activity().loadTemplates(com.fankeep.core.template.TemplateService.templateLocale(m.locale()));
                yield new GroupsView(groups, m, customers.activity().templates(), importOrders).node();
            }
            // pages still to come: their placeholder leads to what works today, whatever the data
            case CAMPAIGNS -> new CampaignsView(campaigns, m).node();
            case LAUNCHES -> new LaunchesView(launches, m).node();
            case IMPORTS -> new ImportsView(imports, m).node();
            case DASHBOARD -> new DashboardView(dashboard, m).node();
            case SETTINGS -> {
                java.util.List<javafx.scene.Node> more = new java.util.ArrayList<>();
                if (encryption != null) {
                    more.add(com.fankeep.ui.crypto.EncryptionSection.build(encryption, m));
                }
                more.add(com.fankeep.ui.settings.DataCheckSection.build(dataCheck, m));
                more.add(com.fankeep.ui.settings.CompactSection.build(compact, m));
                more.add(new RecoverySettingsSection(recovery, m).node());
                more.add(com.fankeep.ui.dashboard.ActiveDaysSection.build(activeDays, m));
                more.add(com.fankeep.ui.tiers.TierSettingsSection.build(tierSettings, m));
                more.add(com.fankeep.ui.settings.CurrencySection.build(currencySettings, m));
                more.addAll(new FollowUpSettingsView(followUpSettings, m).sections());
                yield new SettingsView(settings, backups, m, more.toArray(javafx.scene.Node[]::new)).node();
            }
        };
    }

    /** The start-up notice: how many follow-ups are due or overdue, with a link to Today; closed for this session. */
    private static final class StartNotice {
        final javafx.beans.property.IntegerProperty dueCount = new javafx.beans.property.SimpleIntegerProperty();
        boolean dismissed;
    }

    private void buildNotice() {
        int n = startNotice.dueCount.get();
        if (n <= 0 || startNotice.dismissed || messages == null) {
            root.setTop(null);
            return;
        }
        javafx.scene.control.Label text = new javafx.scene.control.Label(messages.get("followups.notice.due", n));
        text.setId("followups-notice");
        javafx.scene.control.Button open = new javafx.scene.control.Button(messages.get("followups.notice.open"));
        open.setId("followups-notice-open");
        open.setOnAction(e -> {
            startNotice.dismissed = true;
            root.setTop(null);
            shell.open(PageId.TODAY);
        });
        javafx.scene.control.Button close = new javafx.scene.control.Button(messages.get("followups.notice.close"));
        close.setOnAction(e -> {
            startNotice.dismissed = true;
            root.setTop(null);
        });
        javafx.scene.layout.HBox bar = new javafx.scene.layout.HBox(12, text, open, close);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.getStyleClass().add("followups-notice");
        bar.setStyle("-fx-padding: 8 14; -fx-background-color: -color-accent-subtle;");
        root.setTop(bar);
    }

    /** {@code bench startup} times when the status bar, Today and the dashboard have their figures. */
    public StatusBarViewModel statusBarViewModel() {
        return statusBar;
    }

    public TodayViewModel todayViewModel() {
        return today;
    }

    public com.fankeep.ui.dashboard.DashboardViewModel dashboardViewModel() {
        return dashboard;
    }

    /** The Customers page's ViewModel: {@code bench startup} types a search through the page and waits for its answer. */
    public CustomersViewModel customersViewModel() {
        return customers;
    }
}
