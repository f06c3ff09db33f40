// GUI benchmark on the real MainWindow (offscreen). Run through bench/gui-bench.sh. (Start-up
// is measured on keycard-admin itself: keycard-admin --startup-probe.)
//
//   keycard-gui-bench large     talk to the server named by KEYCARD_API_* (a keycard-sandbox
//                               with any number of organizations), wait until the window has
//                               settled after its first page, Load all while a 5 ms watchdog
//                               timer records the longest event-loop stall, then type a filter
//                               and time each keystroke including the repaint
//   keycard-gui-bench members   the Members tab and the sign-in safety check (issue 21) on the
//                               organization GUI_BENCH_ORG (default acme) of that server (a
//                               keycard-sandbox with --org-members): first rows after the tab
//                               opens and the requests that took, every member read (longest
//                               stall meanwhile), a filter typed key by key, then
//                               SignInImpactBox::check for a Disable with a 5 ms watchdog
#include "AppSession.h"
#include "CommandLineOptions.h"
#include "KeycardClient.h"
#include "MainWindow.h"
#include "MemberListModel.h"
#include "MembersPane.h"
#include "OrganizationBrowser.h"
#include "SignInImpactBox.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QTableView>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace keycard;

namespace {

// CPU time of the calling (GUI) thread in microseconds. On a loaded machine wall-clock stalls
// include time the thread waited for a core; its own CPU time does not.
qint64 threadCpuUs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000 + ts.tv_nsec / 1000;
}

int large()
{
    CommandLineOptions options;
    options.parse({QStringLiteral("keycard-admin")});
    QString error;
    auto session = AppSession::start(options, QProcessEnvironment::systemEnvironment(), &error);
    if (!session || session->sandbox()) {
        std::fprintf(stderr, "large: set KEYCARD_API_BASE_URL and credentials\n");
        return 2;
    }
    MainWindow window;
    window.setPersistSettings(false);
    window.setClient(session->client(), session->info());
    window.show();
    auto *model = window.browser()->model();

    QElapsedTimer sinceTick;
    qint64 worstStall = 0;
    qint64 lastCpu = 0;
    qint64 worstCpu = 0; // the GUI thread's CPU time between two ticks, at most
    qint64 startCpu = 0;
    int ticks = 0;
    QTimer watchdog;
    watchdog.setTimerType(Qt::PreciseTimer);
    watchdog.setInterval(5);
    QObject::connect(&watchdog, &QTimer::timeout, [&] {
        worstStall = std::max(worstStall, sinceTick.elapsed());
        sinceTick.restart();
        const qint64 cpu = threadCpuUs();
        worstCpu = std::max(worstCpu, cpu - lastCpu);
        lastCpu = cpu;
        ++ticks;
    });

    QElapsedTimer loading;
    const auto startLoadAll = [&] {
        loading.start();
        sinceTick.start();
        startCpu = lastCpu = threadCpuUs();
        watchdog.start();
        window.loadAll();
    };
    // Load all starts once the window has settled after its first page, as an admin's click
    // would: the first page's paint and the first selection's details (start-up work, measured
    // by --startup-probe) are reported apart, not counted as stalls of the streaming.
    QElapsedTimer settling;
    QElapsedTimer sinceSettleTick;
    qint64 startupStall = 0;
    int quietTicks = 0;
    QTimer settle;
    settle.setTimerType(Qt::PreciseTimer);
    settle.setInterval(5);
    QObject::connect(&settle, &QTimer::timeout, [&] {
        const qint64 gap = sinceSettleTick.restart();
        startupStall = std::max(startupStall, gap);
        quietTicks = gap <= 8 ? quietTicks + 1 : 0;
        if (quietTicks < 20 && settling.elapsed() < 5000)
            return;
        settle.stop();
        std::printf("large: the window settled %lld ms after its first page (longest stall "
                    "meanwhile %lld ms); Load all starts now\n",
                    static_cast<long long>(settling.elapsed()),
                    static_cast<long long>(startupStall));
        startLoadAll();
    });
    QObject::connect(model, &OrganizationListModel::pageLoaded, &window, [&](int rows, bool more) {
        if (rows > 0 && !settling.isValid()) {
            settling.start();
            // GUI_BENCH_AT_FIRST_PAGE=1: Load all at once on the first page, as this bench did
            // before (the start-up work then counts as a stall of the streaming).
            if (more && qEnvironmentVariableIntValue("GUI_BENCH_AT_FIRST_PAGE") == 0) {
                sinceSettleTick.start();
                settle.start();
                return;
            }
            startLoadAll();
        }
        if (more)
            return;
        if (!loading.isValid()) { // the last page came while the window settled
            settle.stop();
            startLoadAll();
        }
        watchdog.stop();
        std::printf("large: %d organizations loaded in %lld ms; longest event-loop stall while "
                    "pages streamed: %lld ms (%d watchdog ticks)\n",
                    rows, static_cast<long long>(loading.elapsed()),
                    static_cast<long long>(worstStall), ticks);
        std::printf("large: GUI thread CPU time while pages streamed: %.1f ms in all, at most "
                    "%.1f ms between two watchdog ticks\n",
                    (threadCpuUs() - startCpu) / 1000.0, worstCpu / 1000.0);
        QTimer::singleShot(0, &window, [&window] {
            auto *filter = window.findChild<QLineEdit *>(QStringLiteral("filterEdit"));
            const QString typed = QStringLiteral("org-0123");
            qint64 worst = 0;
            qint64 total = 0;
            qint64 worstCpuKey = 0;
            qint64 totalCpu = 0;
            for (const QChar c : typed) {
                QElapsedTimer keystroke;
                const qint64 cpu0 = threadCpuUs();
                keystroke.start();
                QTest::keyClick(filter, c.toLatin1());
                const qint64 filtered = keystroke.nsecsElapsed() / 1000;
                window.browser()->repaint(); // a keystroke redraws the list side
                const qint64 us = keystroke.nsecsElapsed() / 1000;
                const qint64 cpuUs = threadCpuUs() - cpu0;
                worstCpuKey = std::max(worstCpuKey, cpuUs);
                totalCpu += cpuUs;
                std::printf("large:   '%c' -> %d rows: %.2f ms (filter %.2f ms + paint %.2f ms)\n",
                            c.toLatin1(), window.browser()->tableView()->model()->rowCount(),
                            us / 1000.0, filtered / 1000.0, (us - filtered) / 1000.0);
                worst = std::max(worst, us);
                total += us;
            }
            std::printf("large: filter \"%s\": %d rows shown; per keystroke avg %.2f ms, worst "
                        "%.2f ms\n",
                        qPrintable(typed), window.browser()->tableView()->model()->rowCount(),
                        total / 1000.0 / typed.size(), worst / 1000.0);
            std::printf("large: GUI thread CPU time per keystroke: avg %.2f ms, at most %.2f ms\n",
                        totalCpu / 1000.0 / typed.size(), worstCpuKey / 1000.0);
            // Clearing the filter brings every row back: the worst case.
            QElapsedTimer clear;
            clear.start();
            filter->clear();
            window.browser()->repaint();
            std::printf("large: clearing the filter (all rows back): %.2f ms\n",
                        clear.nsecsElapsed() / 1e6);
            QCoreApplication::quit();
        });
    });
    return QApplication::exec();
}

// Counts the HTTP requests the client sends (the token request apart).
class CountingNam : public QNetworkAccessManager
{
public:
    int apiRequests = 0;
    int tokenRequests = 0;

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request,
                                 QIODevice *outgoingData) override
    {
        if (request.url().path().endsWith(QLatin1String("/service-account-token")))
            ++tokenRequests;
        else
            ++apiRequests;
        return QNetworkAccessManager::createRequest(op, request, outgoingData);
    }
};

// A 5 ms timer that records the longest gap between two of its ticks (an event-loop stall).
struct Watchdog
{
    QTimer timer;
    QElapsedTimer sinceTick;
    qint64 worst = 0;
    qint64 lastCpu = 0;
    qint64 worstCpu = 0;
    int ticks = 0;

    Watchdog()
    {
        timer.setTimerType(Qt::PreciseTimer);
        timer.setInterval(5);
        QObject::connect(&timer, &QTimer::timeout, [this] {
            worst = std::max(worst, sinceTick.restart());
            const qint64 cpu = threadCpuUs();
            worstCpu = std::max(worstCpu, cpu - lastCpu);
            lastCpu = cpu;
            ++ticks;
        });
    }
    void start()
    {
        worst = worstCpu = 0;
        ticks = 0;
        sinceTick.start();
        lastCpu = threadCpuUs();
        timer.start();
    }
    void stop()
    {
        // The gap up to now counts too (a stall that ends the measured work).
        worst = std::max(worst, sinceTick.elapsed());
        timer.stop();
    }
};

int members()
{
    CommandLineOptions options;
    options.parse({QStringLiteral("keycard-admin")});
    QString error;
    auto session = AppSession::start(options, QProcessEnvironment::systemEnvironment(), &error);
    if (!session || session->sandbox()) {
        std::fprintf(stderr, "members: set KEYCARD_API_BASE_URL and credentials\n");
        return 2;
    }
    const QString org = qEnvironmentVariableIsEmpty("GUI_BENCH_ORG")
                            ? QStringLiteral("acme")
                            : qEnvironmentVariable("GUI_BENCH_ORG");
    CountingNam nam;
    KeycardClient client(&nam, session->client()->config());

    MembersPane pane;
    pane.resize(1024, 768);
    auto *view = pane.findChild<QTableView *>(QStringLiteral("membersView"));
    auto *filter = pane.findChild<QLineEdit *>(QStringLiteral("membersFilter"));
    MemberListModel *model = pane.model();
    Organization organization;
    QString issuer;
    Watchdog watchdog;
    QElapsedTimer opened;
    SignInImpactBox box;
    int requestsBefore = 0;
    bool firstShown = false;

    const auto safetyCheck = [&] {
        std::printf("members: safety check (SignInImpactBox, Disable, pages of 1,000)\n");
        requestsBefore = nam.apiRequests;
        QObject::connect(&box, &SignInImpactBox::finished, &box, [&](const SignInImpact &impact) {
            watchdog.stop();
            std::printf("members:   checked %lld members in %lld ms (%d requests), verdict %d, "
                        "%lld losing; longest event-loop stall %lld ms (%d watchdog ticks), GUI "
                        "thread CPU at most %.1f ms between two ticks\n",
                        static_cast<long long>(impact.members),
                        static_cast<long long>(opened.elapsed()), nam.apiRequests - requestsBefore,
                        int(impact.verdict), static_cast<long long>(impact.losing),
                        static_cast<long long>(watchdog.worst), watchdog.ticks,
                        watchdog.worstCpu / 1000.0);
            QCoreApplication::quit();
        });
        opened.start();
        watchdog.start();
        box.check(&client, organization.id, SsoChange::Disable, issuer);
    };

    const auto typeFilter = [&] {
        const QString typed = qEnvironmentVariableIsEmpty("GUI_BENCH_FILTER")
                                  ? QStringLiteral("member01234")
                                  : qEnvironmentVariable("GUI_BENCH_FILTER");
        qint64 worst = 0;
        qint64 total = 0;
        qint64 worstCpuKey = 0;
        for (const QChar c : typed) {
            QElapsedTimer keystroke;
            const qint64 cpu0 = threadCpuUs();
            keystroke.start();
            QTest::keyClick(filter, c.toLatin1());
            const qint64 filtered = keystroke.nsecsElapsed() / 1000;
            pane.repaint();
            const qint64 us = keystroke.nsecsElapsed() / 1000;
            worstCpuKey = std::max(worstCpuKey, threadCpuUs() - cpu0);
            std::printf("members:   '%c' -> %d rows: %.2f ms (filter %.2f ms + paint %.2f ms)\n",
                        c.toLatin1(), view->model()->rowCount(), us / 1000.0, filtered / 1000.0,
                        (us - filtered) / 1000.0);
            worst = std::max(worst, us);
            total += us;
        }
        std::printf("members: filter \"%s\": %d rows shown; per keystroke avg %.2f ms, worst "
                    "%.2f ms (GUI thread CPU at most %.2f ms)\n",
                    qPrintable(typed), view->model()->rowCount(), total / 1000.0 / typed.size(),
                    worst / 1000.0, worstCpuKey / 1000.0);
        QElapsedTimer clear;
        clear.start();
        filter->clear();
        pane.repaint();
        std::printf("members: clearing the filter (all rows back): %.2f ms\n",
                    clear.nsecsElapsed() / 1e6);
        // GUI_BENCH_FILTER_REPEAT=N types the filter N more times, untimed (for a profiler).
        for (int i = qEnvironmentVariableIntValue("GUI_BENCH_FILTER_REPEAT"); i > 0; --i) {
            for (const QChar c : typed) {
                QTest::keyClick(filter, c.toLatin1());
                pane.repaint();
            }
            filter->clear();
        }
        QTimer::singleShot(0, &pane, safetyCheck);
    };

    QObject::connect(model, &QAbstractItemModel::rowsInserted, &pane, [&] {
        if (firstShown)
            return;
        firstShown = true;
        pane.repaint();
        std::printf("members: first %d rows shown %lld ms after the tab opened, after %d API "
                    "requests (members and invitations, in parallel: one round trip)\n",
                    view->model()->rowCount(), static_cast<long long>(opened.elapsed()),
                    nam.apiRequests - requestsBefore);
    });
    QObject::connect(model, &MemberListModel::stateChanged, &pane, [&] {
        if (model->state() == MemberListModel::State::Loading ||
            model->state() == MemberListModel::State::Idle)
            return;
        watchdog.stop();
        std::printf("members: all %d members read in %lld ms (%d requests; state %d); longest "
                    "event-loop stall meanwhile %lld ms, GUI thread CPU at most %.1f ms between "
                    "two ticks\n",
                    model->rowCount(), static_cast<long long>(opened.elapsed()),
                    nam.apiRequests - requestsBefore, int(model->state()),
                    static_cast<long long>(watchdog.worst), watchdog.worstCpu / 1000.0);
        // The filter is typed a second later, as a person would (the tab works out its sort
        // ranks once rows stop coming, on the thread pool).
        QTimer::singleShot(1000, &pane, typeFilter);
    });

    // The organization and its SSO connection first (the window has both, and a token, before
    // the Members tab opens): not counted.
    client.getOrganization(org, &pane, [&](const Result<Organization> &o) {
        if (!o.ok()) {
            std::fprintf(stderr, "members: %s\n", qPrintable(o.error().message));
            QCoreApplication::exit(1);
            return;
        }
        organization = o.value();
        client.getSsoConnection(org, &pane, [&](const Result<SsoConnection> &c) {
            issuer = c.ok() ? c.value().identifier : QString();
            pane.setClient(&client);
            pane.showOrganization(organization, issuer);
            requestsBefore = nam.apiRequests;
            opened.start();
            watchdog.start();
            pane.show(); // opening the tab starts the reading
        });
    });
    return QApplication::exec();
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("KeycardBench"));
    QApplication::setApplicationName(QStringLiteral("keycard-gui-bench"));
    const QStringList args = QApplication::arguments();
    if (args.contains(QStringLiteral("large")))
        return large();
    if (args.contains(QStringLiteral("members")))
        return members();
    std::fprintf(stderr, "usage: keycard-gui-bench large|members\n");
    return 2;
}
