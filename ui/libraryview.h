#pragma once

#include <QWidget>

class LibraryModel;
class PoemLibrary;
class PoemView;
class QAction;
class QLabel;
class QLineEdit;
class QTableView;

// The Library view: every poem the library keeps, searched as you type (the search field), in a
// table (LibraryModel), the selected poem's text below it (a PoemView: plain text, read from the
// library, no network), and the actions on the selected poems: favourite, read, Remove, and
// Clear History (after a confirmation). The actions are the view's own toolbar; the window may
// put them in its menus too.
//
// Opening a poem marks it read. Everything is asynchronous: the text of a poem arrives from the
// library's future, and only the one last asked for is shown.
class LibraryView : public QWidget
{
    Q_OBJECT

public:
    explicit LibraryView(PoemLibrary *library, QWidget *parent = nullptr);

    LibraryModel *model() const { return m_model; }
    QLineEdit *searchField() const { return m_search; }
    QTableView *table() const { return m_table; }
    PoemView *poemView() const { return m_text; }
    QAction *favouriteAction() const { return m_favourite; }
    QAction *readAction() const { return m_read; }
    QAction *removeAction() const { return m_remove; }
    QAction *clearHistoryAction() const { return m_clearHistory; }

    // The poem whose text is shown (or on its way); 0 for none.
    qint64 openPoemId() const { return m_openId; }
    // Selects the poem and opens it (false if it is not in the table).
    bool selectPoem(qint64 poemId);

Q_SIGNALS:
    // The text of the poem is shown.
    void poemOpened(qint64 poemId);
    // The user cleared the history (the window forgets its restored downloads).
    void historyCleared();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void openCurrent();
    void showPoem(qint64 poemId, const QByteArray &bytes);
    QList<qint64> selectedIds() const;
    void updateActions();
    void updateStatus();
    void toggleFavourite(bool favourite);
    void toggleRead(bool read);
    void removeSelected();
    void confirmClearHistory();

    PoemLibrary *m_library = nullptr;
    LibraryModel *m_model = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_status = nullptr;
    QTableView *m_table = nullptr;
    PoemView *m_text = nullptr;
    QAction *m_favourite = nullptr;
    QAction *m_read = nullptr;
    QAction *m_remove = nullptr;
    QAction *m_clearHistory = nullptr;
    qint64 m_openId = 0;
};
