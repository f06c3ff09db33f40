// The redirect URI setting of a connection profile (ProfileStore::redirectUri): kept apart
// from the profile entry, so saving the profile keeps it; removed with the profile.

#include "ProfileStore.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace keycard::profiles;

class TestProfileRedirect : public QObject
{
    Q_OBJECT
    QTemporaryDir dir;
    std::unique_ptr<QSettings> settings;

    Profile profile(const QString &name) const
    {
        Profile p;
        p.name = name;
        p.clientId = QStringLiteral("svc");
        return p;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(dir.isValid());
        settings = std::make_unique<QSettings>(dir.filePath(QStringLiteral("s.ini")),
                                               QSettings::IniFormat);
        settings->clear();
    }

    void roundTripAndSurvivesSave()
    {
        ProfileStore store(settings.get());
        QVERIFY(store.save(profile(QStringLiteral("Prod/EU"))));
        QCOMPARE(store.redirectUri(QStringLiteral("Prod/EU")), QString());
        store.setRedirectUri(QStringLiteral("Prod/EU"),
                             QStringLiteral("https://id.keycard.ai/oauth/2/redirect/org-1"));
        QVERIFY(store.sync());
        ProfileStore again(settings.get());
        QCOMPARE(again.redirectUri(QStringLiteral("Prod/EU")),
                 QStringLiteral("https://id.keycard.ai/oauth/2/redirect/org-1"));
        // Saving the profile again (e.g. from the Connect dialog) leaves the setting alone.
        QVERIFY(again.save(profile(QStringLiteral("Prod/EU"))));
        QCOMPARE(again.redirectUri(QStringLiteral("Prod/EU")),
                 QStringLiteral("https://id.keycard.ai/oauth/2/redirect/org-1"));
        QCOMPARE(again.names(), QStringList{QStringLiteral("Prod/EU")});
        // Empty forgets it; removing the profile removes it.
        again.setRedirectUri(QStringLiteral("Prod/EU"), QString());
        QCOMPARE(again.redirectUri(QStringLiteral("Prod/EU")), QString());
        again.setRedirectUri(QStringLiteral("Prod/EU"), QStringLiteral("https://x.example/r"));
        QVERIFY(again.remove(QStringLiteral("Prod/EU")));
        QCOMPARE(again.redirectUri(QStringLiteral("Prod/EU")), QString());
    }
};

QTEST_GUILESS_MAIN(TestProfileRedirect)
#include "test_profile_redirect.moc"
