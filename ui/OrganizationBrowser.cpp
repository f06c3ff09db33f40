#include "OrganizationBrowser.h"

#include "BusyIndicator.h"
#include "ErrorAdvice.h"
#include "Format.h"
#include "Icons.h"
#include "MessageBar.h"
#include "OrganizationFilterModel.h"
#include "StateView.h"
#include "Timestamps.h"

#include <QAction>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <utility>

namespace keycard {

OrganizationBrowser::OrganizationBrowser(QWidget *parent)
    : QWidget(parent)
    , m_model(new OrganizationListModel(this))
    , m_proxy(new OrganizationFilterModel(this))
    , m_filter(new QLineEdit(this))
    , m_clearFilter(
          m_filter->addAction(icons::get(QStringLiteral("clear")), QLineEdit::TrailingPosition))
    , m_loadAll(new QPushButton(tr("Load &all"), this))
    , m_banner(new MessageBar(QStringLiteral("listErrorBanner"), this))
    , m_stack(new QStackedWidget(this))
    , m_table(new QTableView(this))
    , m_stateView(new StateView(this))
    , m_count(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_busy(new BusyIndicator(this))
{
    setObjectName(QStringLiteral("organizationBrowser"));
    m_model->setSsoIcons(icons::get(QStringLiteral("sso-on")),
                         icons::get(QStringLiteral("sso-off")),
                         icons::get(QStringLiteral("unknown")));
    m_proxy->setSourceModel(m_model);

    m_filter->setObjectName(QStringLiteral("filterEdit"));
    m_filter->setPlaceholderText(tr("Filter by name, label or ID"));
    m_filter->setAccessibleName(tr("Filter organizations"));
    m_filter->addAction(icons::get(QStringLiteral("search")), QLineEdit::LeadingPosition)
        ->setText(tr("Filter")); // its button's name for screen readers
    // Our own clear button: QLineEdit's built-in one asks the style for a PNG icon, which loads
    // every image format plugin at start-up. Shown only while there is text; Esc does the same.
    m_clearFilter->setObjectName(QStringLiteral("clearFilterAction"));
    m_clearFilter->setText(tr("Clear filter"));
    m_clearFilter->setToolTip(tr("Clear the filter (Esc)"));
    m_clearFilter->setShortcut(QKeySequence(Qt::Key_Escape));
    m_clearFilter->setShortcutContext(Qt::WidgetShortcut);
    m_clearFilter->setVisible(false);
    m_loadAll->setObjectName(QStringLiteral("loadAllButton"));
    m_loadAll->setIcon(icons::get(QStringLiteral("load-all")));
    m_loadAll->setAccessibleName(tr("Load all organizations"));
    m_loadAll->setToolTip(tr("Fetch every remaining page of organizations"));
    m_banner->setClosable(true);

    m_table->setObjectName(QStringLiteral("organizationTable"));
    m_table->setAccessibleName(tr("Organizations"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    // Long names, labels and ids keep both ends (the tooltip has the whole value).
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->setShowGrid(false);
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    QHeaderView *header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setStretchLastSection(false);
    header->setSectionResizeMode(OrganizationListModel::NameColumn, QHeaderView::Stretch);
    header->resizeSection(OrganizationListModel::LabelColumn, 110);
    header->resizeSection(OrganizationListModel::IdColumn, 120);
    header->resizeSection(OrganizationListModel::SsoColumn, 64);
    header->resizeSection(
        OrganizationListModel::CreatedColumn,
        m_table->fontMetrics().horizontalAdvance(QLocale().toString(
            QDateTime(QDate(2026, 12, 28), QTime(23, 59, 58)), localTimestampFormat(QLocale()))) +
            24);
    // Server order until the admin picks a column.
    header->setSortIndicator(-1, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);

    m_stateView->setObjectName(QStringLiteral("listStateView"));
    m_stack->setObjectName(QStringLiteral("listStack"));
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_stateView);

    m_count->setObjectName(QStringLiteral("countLabel"));
    m_count->setAccessibleName(tr("Organizations loaded"));
    m_progress->setObjectName(QStringLiteral("loadProgress"));
    m_progress->setAccessibleName(tr("Loading all organizations"));
    m_progress->setRange(0, 0); // the total is unknown until the last page
    m_progress->setTextVisible(false);
    m_progress->setMaximumWidth(140);
    m_progress->setMaximumHeight(m_count->sizeHint().height());
    m_progress->hide();

    auto *top = new QHBoxLayout;
    top->addWidget(m_filter, 1);
    top->addWidget(m_loadAll);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_busy);
    bottom->addWidget(m_count, 1);
    bottom->addWidget(m_progress);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(top);
    layout->addWidget(m_banner);
    layout->addWidget(m_stack, 1);
    layout->addLayout(bottom);
    setTabOrder(m_filter, m_table);
    setTabOrder(m_table, m_loadAll);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_clearFilter->setVisible(!text.isEmpty());
        m_syncing = true; // the filter moving the current row is not the admin choosing one
        m_proxy->setFilterText(text);
        m_syncing = false;
        syncCurrent();
        updateState();
    });
    connect(m_clearFilter, &QAction::triggered, this, [this] {
        m_filter->clear();
        m_filter->setFocus(Qt::OtherFocusReason);
    });
    connect(m_filter, &QLineEdit::returnPressed, this, &OrganizationBrowser::focusListFromFilter);
    // Down in the filter goes on into the list, as in a search field with results under it.
    m_filter->installEventFilter(this);
    connect(m_loadAll, &QPushButton::clicked, this, &OrganizationBrowser::loadAll);
    connect(m_banner->addRetryAction(), &QPushButton::clicked, m_model,
            &OrganizationListModel::retry);
    connect(m_stateView->button(), &QPushButton::clicked, m_model, &OrganizationListModel::retry);
    connect(m_model, &OrganizationListModel::stateChanged, this, [this] {
        m_busy->setRunning(m_model->state() == OrganizationListModel::State::Loading);
        Q_EMIT busyChanged(m_model->state() == OrganizationListModel::State::Loading);
        updateState();
    });
    connect(m_model, &OrganizationListModel::loadAllChanged, this, [this](bool active) {
        m_progress->setVisible(active);
        updateCount();
        if (!active)
            seekPending();
    });
    connect(m_model, &OrganizationListModel::pageLoaded, this, [this] {
        m_banner->clear();
        trySelectPending();
        seekPending();
        updateState();
    });
    connect(m_model, &OrganizationListModel::modelReset, this, &OrganizationBrowser::updateState);
    // A refresh replaced the rows: the selection is by id, not by row.
    connect(m_model, &OrganizationListModel::modelAboutToBeReset, this, [this] {
        if (m_pendingSelection.isEmpty())
            m_pendingSelection = m_currentId;
        m_syncing = true;
    });
    connect(m_model, &OrganizationListModel::modelReset, this, [this] { m_syncing = false; });
    connect(m_model, &OrganizationListModel::errorOccurred, this, [this](const ApiError &error) {
        m_banner->showApiError(tr("Could not load the organizations"), error);
        updateState();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { onCurrentChanged(current); });
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        if (index.isValid())
            Q_EMIT organizationActivated(m_model->organization(m_proxy->mapToSource(index).row()));
    });
    updateState();
}

void OrganizationBrowser::focusListFromFilter()
{
    if (m_proxy->rowCount() == 0)
        return;
    if (!m_table->currentIndex().isValid())
        m_table->setCurrentIndex(m_proxy->index(0, 0));
    m_table->setFocus(Qt::ShortcutFocusReason);
}

bool OrganizationBrowser::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Down || key->key() == Qt::Key_PageDown) &&
            key->modifiers() == Qt::NoModifier && m_proxy->rowCount() > 0) {
            focusListFromFilter();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void OrganizationBrowser::setClient(KeycardClient *client)
{
    m_banner->clear();
    m_currentId.clear();
    setSelectionHidden(false);
    m_model->setClient(client);
}

void OrganizationBrowser::reload()
{
    m_banner->clear();
    if (m_pendingSelection.isEmpty())
        m_pendingSelection = m_currentId;
    m_model->reload();
}

void OrganizationBrowser::loadAll()
{
    m_banner->clear();
    m_model->loadAll();
}

void OrganizationBrowser::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

bool OrganizationBrowser::selectOrganization(const QString &idOrLabel)
{
    m_pendingSelection = idOrLabel;
    trySelectPending();
    if (m_model->hasLoadedOnce())
        seekPending();
    return m_pendingSelection.isEmpty();
}

int OrganizationBrowser::pendingRow() const
{
    const int row = m_model->rowOfId(m_pendingSelection);
    return row >= 0 ? row : m_model->rowOfLabel(m_pendingSelection);
}

void OrganizationBrowser::seekPending()
{
    // The wanted organization is further down the list: fetch the next page (asynchronously,
    // like scrolling would) until it arrives. "Load all" already fetches every page.
    if (m_pendingSelection.isEmpty() || pendingRow() >= 0 || m_model->isLoadingAll() ||
        m_model->state() != OrganizationListModel::State::Idle)
        return;
    if (m_model->canFetchMore()) {
        m_model->fetchMore();
        return;
    }
    if (!m_model->hasMore()) {
        const QString missing = std::exchange(m_pendingSelection, QString());
        Q_EMIT selectionNotFound(missing);
    }
}

void OrganizationBrowser::trySelectPending()
{
    if (m_pendingSelection.isEmpty())
        return;
    const int row = pendingRow();
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return; // filtered out; keep waiting
    m_pendingSelection.clear();
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                          QItemSelectionModel::Rows);
    m_table->scrollTo(index);
    setSelectionHidden(false);
}

void OrganizationBrowser::syncCurrent()
{
    if (m_currentId.isEmpty())
        return;
    const int row = m_model->rowOfId(m_currentId);
    const QModelIndex index =
        row < 0 ? QModelIndex() : m_proxy->mapFromSource(m_model->index(row, 0));
    m_syncing = true;
    if (index.isValid()) {
        if (m_table->currentIndex().row() != index.row() ||
            !m_table->selectionModel()->isSelected(index))
            m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                                  QItemSelectionModel::Rows);
    } else if (row >= 0) {
        m_table->selectionModel()->clearCurrentIndex();
        m_table->selectionModel()->clearSelection();
    }
    m_syncing = false;
    if (row >= 0)
        setSelectionHidden(!index.isValid());
}

void OrganizationBrowser::setSelectionHidden(bool hidden)
{
    if (m_selectionHidden == hidden)
        return;
    m_selectionHidden = hidden;
    Q_EMIT selectionHiddenChanged(hidden);
}

void OrganizationBrowser::onCurrentChanged(const QModelIndex &current)
{
    if (m_syncing)
        return;
    if (!current.isValid())
        return; // keep showing the last organization (e.g. while the filter hides it)
    const Organization &org = m_model->organization(m_proxy->mapToSource(current).row());
    setSelectionHidden(false);
    if (org.id == m_currentId)
        return;
    m_currentId = org.id;
    m_pendingSelection.clear();
    Q_EMIT currentOrganizationChanged(org);
}

void OrganizationBrowser::updateState()
{
    using State = OrganizationListModel::State;
    const State state = m_model->state();
    const bool empty = m_model->rowCount() == 0;
    if (empty && state == State::Loading) {
        m_stateView->setState({}, tr("Loading organizations…"), {}, true);
        m_stateView->setButton({});
        m_stack->setCurrentWidget(m_stateView);
    } else if (empty && state == State::Error) {
        const QString advice = errorAdvice(m_model->lastError());
        m_stateView->setState(QStringLiteral("warning"), tr("Organizations could not be loaded"),
                              advice.isEmpty() ? ApiError::kindTitle(m_model->lastError().kind)
                                               : advice);
        m_stateView->setButton(tr("Try again"), QStringLiteral("refresh"));
        m_stack->setCurrentWidget(m_stateView);
    } else if (empty && m_model->hasLoadedOnce()) {
        m_stateView->setState(QStringLiteral("organization"), tr("No organizations"),
                              tr("The server lists no organizations for this account."));
        m_stateView->setButton({});
        m_stack->setCurrentWidget(m_stateView);
    } else if (empty) {
        m_stateView->setState(QStringLiteral("organization"), tr("Not connected"),
                              tr("Organizations appear here once the app is connected to a "
                                 "Keycard server."));
        m_stateView->setButton({});
        m_stack->setCurrentWidget(m_stateView);
    } else if (m_proxy->rowCount() == 0) {
        m_stateView->setState(QStringLiteral("search"), tr("No matching organizations"),
                              m_model->hasMore()
                                  ? tr("Nothing loaded so far matches “%1”. Load all to search "
                                       "every organization.")
                                        .arg(m_proxy->filterText())
                                  : tr("No organization's name, label or ID contains “%1”.")
                                        .arg(m_proxy->filterText()));
        m_stateView->setButton({});
        m_stack->setCurrentWidget(m_stateView);
    } else {
        m_stack->setCurrentWidget(m_table);
    }
    // Until the first page is in, "Load all" would only repeat what Retry does.
    m_loadAll->setEnabled(m_model->hasLoadedOnce() && m_model->hasMore() &&
                          !m_model->isLoadingAll() && m_model->client() != nullptr);
    updateCount();
}

void OrganizationBrowser::updateCount()
{
    const int rows = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    QString text;
    if (!m_model->hasLoadedOnce() && rows == 0) {
        text =
            m_model->state() == OrganizationListModel::State::Loading ? tr("Loading…") : QString();
    } else if (m_model->hasMore()) {
        text = tr("%1 loaded, more available").arg(format::number(rows));
    } else if (m_model->stopReason() != PagingStop::None) {
        text = tr("%1 loaded, paging stopped").arg(format::number(rows));
    } else {
        text = tr("%Ln organizations", nullptr, rows);
    }
    if (!m_proxy->filterText().isEmpty() && m_model->hasLoadedOnce())
        text = tr("%1 shown · %2").arg(format::number(shown), text);
    if (m_model->isStale() && m_model->state() == OrganizationListModel::State::Error)
        text = tr("%1 · not up to date: the last refresh failed").arg(text);
    // What the server sent that the list could not show in full, said in the tooltip too.
    QStringList details;
    if (m_model->stopReason() != PagingStop::None)
        details.append(m_model->stopMessage());
    if (const int incomplete = m_model->incompleteItems(); incomplete > 0) {
        text = tr("%1 · %n incomplete", nullptr, incomplete).arg(text);
        details.append(tr("%n items were incomplete (a field missing or of the wrong type): those "
                          "values are shown as unknown.",
                          nullptr, incomplete));
    }
    if (const int skipped = m_model->skippedItems(); skipped > 0) {
        text = tr("%1 · %n left out", nullptr, skipped).arg(text);
        details.append(
            tr("%n items were left out: not an object or without an ID.", nullptr, skipped));
    }
    m_count->setText(text);
    m_count->setToolTip(details.join(QLatin1Char('\n')));
}

QByteArray OrganizationBrowser::saveHeaderState() const
{
    return m_table->horizontalHeader()->saveState();
}

void OrganizationBrowser::restoreHeaderState(const QByteArray &state)
{
    if (!state.isEmpty())
        m_table->horizontalHeader()->restoreState(state);
}

} // namespace keycard
