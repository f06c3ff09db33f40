// The SSO form's validators at every boundary of the core's field rules, without any widget.
#include "SsoValidators.h"

#include <QLocale>
#include <QTest>

using namespace keycard;
using namespace keycard::ui;

namespace {

QString repeat(const QString &unit, int times)
{
    QString out;
    for (int i = 0; i < times; ++i)
        out += unit;
    return out;
}

// An issuer of exactly `codePoints` code points, padded with `unit` (one code point).
QString issuerOfLength(int codePoints, const QString &unit)
{
    const QString prefix = QStringLiteral("https://idp.example.com/");
    return prefix + repeat(unit, codePoints - int(prefix.size()));
}

QValidator::State validateState(const QValidator &v, QString text)
{
    int pos = int(text.size());
    return v.validate(text, pos);
}

} // namespace

class TestSsoValidators : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void issuerRequiredAndBlank()
    {
        IssuerValidator v;
        FieldAssessment a = v.assess(QString());
        QCOMPARE(a.state, QValidator::Intermediate);
        QCOMPARE(a.message, QStringLiteral("Required"));
        QVERIFY(a.canBecomeValid);

        a = v.assess(QStringLiteral("   "));
        QCOMPARE(a.state, QValidator::Intermediate);
        QCOMPARE(a.message, QStringLiteral("Must not be blank"));
    }

    void issuerLengthBoundaries_data()
    {
        QTest::addColumn<QString>("unit");
        QTest::newRow("ascii") << QStringLiteral("a");
        QTest::newRow("non-BMP (surrogate pair)")
            << QString::fromUtf8("\xF0\x9F\x98\x80");                    // U+1F600
        QTest::newRow("BMP non-ASCII") << QString::fromUtf8("\xC3\xA9"); // é
    }
    void issuerLengthBoundaries()
    {
        QFETCH(QString, unit);
        IssuerValidator v;
        const QString max = issuerOfLength(2048, unit);
        QCOMPARE(rules::codePoints(max), 2048);
        QCOMPARE(v.assess(max).state, QValidator::Acceptable);

        const QString over = issuerOfLength(2049, unit);
        const FieldAssessment a = v.assess(over);
        QCOMPARE(a.state, QValidator::Intermediate); // never Invalid: a paste must not vanish
        QVERIFY(!a.canBecomeValid);
        QCOMPARE(a.message, QStringLiteral("At most 2,048 characters — 2,049 entered"));
        QCOMPARE(validateState(v, over), QValidator::Intermediate);

        const FieldAssessment three = v.assess(issuerOfLength(2051, unit));
        QCOMPARE(three.message, QStringLiteral("At most 2,048 characters — 2,051 entered"));
    }

    void issuerHttpsRule_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("acceptable");
        QTest::addColumn<bool>("canBecomeValid");
        QTest::addColumn<QString>("fix");
        QTest::newRow("okta") << "https://acme.okta.com" << true << true << QString();
        QTest::newRow("entra") << "https://login.microsoftonline.com/8f3c2a1e/v2.0" << true << true
                               << QString();
        QTest::newRow("uppercase scheme")
            << "HTTPS://accounts.google.com" << true << true << QString();
        QTest::newRow("http localhost")
            << "http://localhost:8080/realms/x" << true << true << QString();
        QTest::newRow("http 127.0.0.1") << "http://127.0.0.1:9000" << true << true << QString();
        QTest::newRow("http ::1") << "http://[::1]:9000" << true << true << QString();
        QTest::newRow("http remote")
            << "http://acme.okta.com" << false << false << "https://acme.okta.com";
        QTest::newRow("typing h") << "h" << false << true << QString();
        QTest::newRow("typing https:/") << "https:/" << false << true << QString();
        QTest::newRow("scheme only") << "https://" << false << true << QString();
        QTest::newRow("bare host") << "acme.okta.com" << false << false << "https://acme.okta.com";
        QTest::newRow("ftp") << "ftp://acme.okta.com" << false << false << QString();
        QTest::newRow("inner space") << "https://acme okta.com" << false << false << QString();
        QTest::newRow("query") << "https://acme.okta.com/?x=1" << false << false << QString();
        QTest::newRow("fragment") << "https://acme.okta.com/#top" << false << false << QString();
        // Issue 23, point 8: FieldRules' issuer rules, as keycardctl and the client apply them.
        QTest::newRow("user and password")
            << "https://user:pw@acme.okta.com" << false << false << QString();
        QTest::newRow("encoded slash before @")
            << "https://acme.okta.com%2F@evil.com" << false << false << QString();
        QTest::newRow("dot dot") << "https://acme.okta.com/a/../b" << false << false << QString();
        QTest::newRow("encoded dot dot")
            << "https://acme.okta.com/%2e%2e/b" << false << false << QString();
        QTest::newRow("bidi override")
            << QStringLiteral("https://acme.okta.com/") + QChar(0x202E) + QStringLiteral("x")
            << false << false << QString();
    }
    void issuerHttpsRule()
    {
        QFETCH(QString, text);
        QFETCH(bool, acceptable);
        QFETCH(bool, canBecomeValid);
        QFETCH(QString, fix);
        IssuerValidator v;
        const FieldAssessment a = v.assess(text);
        QCOMPARE(a.isAcceptable(), acceptable);
        QCOMPARE(validateState(v, text),
                 acceptable ? QValidator::Acceptable : QValidator::Intermediate);
        if (!acceptable) {
            QVERIFY(!a.message.isEmpty());
            QCOMPARE(a.canBecomeValid, canBecomeValid);
        }
        QCOMPARE(a.fix.value_or(QString()), fix);
    }

    void issuerWellKnownSuffix_data()
    {
        QTest::addColumn<QString>("pasted");
        QTest::addColumn<QString>("issuer");
        QTest::newRow("okta") << "https://acme.okta.com/.well-known/openid-configuration"
                              << "https://acme.okta.com";
        QTest::newRow("entra, trailing slash")
            << "https://login.microsoftonline.com/t/v2.0/.well-known/openid-configuration/"
            << "https://login.microsoftonline.com/t/v2.0";
        QTest::newRow("mixed case")
            << "https://accounts.google.com/.Well-Known/OpenID-Configuration"
            << "https://accounts.google.com";
    }
    void issuerWellKnownSuffix()
    {
        QFETCH(QString, pasted);
        QFETCH(QString, issuer);
        IssuerValidator v;
        const FieldAssessment a = v.assess(pasted);
        QCOMPARE(a.state, QValidator::Intermediate);
        QVERIFY(a.message.contains(QStringLiteral("discovery document")));
        QCOMPARE(a.fix.value_or(QString()), issuer);
        QCOMPARE(a.fixLabel, QStringLiteral("Use %1").arg(issuer));
        QCOMPARE(v.assess(*a.fix).state, QValidator::Acceptable);
        QCOMPARE(IssuerValidator::stripDiscoverySuffix(QStringLiteral("https://acme.okta.com")),
                 std::nullopt);
    }

    void issuerSpacesAreTrimmed()
    {
        IssuerValidator v;
        const QString padded = QStringLiteral("  https://acme.okta.com \t");
        const FieldAssessment a = v.assess(padded);
        QCOMPARE(a.state, QValidator::Intermediate);
        QCOMPARE(a.fix.value_or(QString()), QStringLiteral("https://acme.okta.com"));
        QString text = padded;
        v.fixup(text);
        QCOMPARE(text, QStringLiteral("https://acme.okta.com"));
        QCOMPARE(v.assess(text).state, QValidator::Acceptable);
    }

    void requestId_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("acceptable");
        QTest::addColumn<bool>("canBecomeValid");
        QTest::newRow("lower") << "3f2b8c1e-5d4a-4b6f-9e7d-2c1a0b9f8e7d" << true << true;
        QTest::newRow("upper") << "3F2B8C1E-5D4A-4B6F-9E7D-2C1A0B9F8E7D" << true << true;
        QTest::newRow("partial") << "3f2b8c1e-5d4a" << false << true;
        QTest::newRow("one short") << "3f2b8c1e-5d4a-4b6f-9e7d-2c1a0b9f8e7" << false << true;
        QTest::newRow("one long") << "3f2b8c1e-5d4a-4b6f-9e7d-2c1a0b9f8e7d0" << false << false;
        QTest::newRow("not hex") << "3f2b8c1g" << false << false;
        QTest::newRow("dash misplaced") << "3f2b8c1e5-d4a" << false << false;
        QTest::newRow("braces") << "{3f2b8c1e-5d4a-4b6f-9e7d-2c1a0b9f8e7d}" << false << false;
        QTest::newRow("arabic-indic digits") << QString::fromUtf8("\xD9\xA3") << false << false;
    }
    void requestId()
    {
        QFETCH(QString, text);
        QFETCH(bool, acceptable);
        QFETCH(bool, canBecomeValid);
        FieldValidator v(rules::Field::RequestId);
        const FieldAssessment a = v.assess(text);
        QCOMPARE(a.isAcceptable(), acceptable);
        QCOMPARE(validateState(v, text),
                 acceptable ? QValidator::Acceptable : QValidator::Intermediate);
        if (!acceptable) {
            QCOMPARE(a.message, QStringLiteral("Not a UUID"));
            QCOMPARE(a.canBecomeValid, canBecomeValid);
        }
    }

    // Issue 23, point 8: capitals are a note under an acceptable issuer, not a refusal.
    void issuerCapitalsAreANote()
    {
        IssuerValidator v;
        const FieldAssessment upper = v.assess(QStringLiteral("https://Acme.Okta.com"));
        QCOMPARE(upper.state, QValidator::Acceptable);
        QVERIFY2(upper.message.contains(QStringLiteral("host name has capital letters")),
                 qPrintable(upper.message));
        const FieldAssessment scheme = v.assess(QStringLiteral("HTTPS://acme.okta.com"));
        QCOMPARE(scheme.state, QValidator::Acceptable);
        QVERIFY2(scheme.message.contains(QStringLiteral("scheme has capital letters")),
                 qPrintable(scheme.message));
        QCOMPARE(v.assess(QStringLiteral("https://acme.okta.com")).message, QString());
    }

    // Issue 23, point 1: "." and ".." would change the request's path.
    void organizationDotSegments()
    {
        FieldValidator v(rules::Field::OrganizationId);
        for (const QString &id : {QStringLiteral("."), QStringLiteral("..")}) {
            const FieldAssessment a = v.assess(id);
            QCOMPARE(a.state, QValidator::Intermediate);
            QVERIFY2(a.message.contains(QStringLiteral("“..”")), qPrintable(a.message));
        }
        QCOMPARE(v.assess(QStringLiteral("...")).state, QValidator::Acceptable);
        QCOMPARE(v.assess(QStringLiteral("%2e%2e")).state, QValidator::Acceptable);
    }

    void organizationBoundaries()
    {
        FieldValidator v(rules::Field::OrganizationId);
        QCOMPARE(v.assess(QString()).message, QStringLiteral("Required"));
        QCOMPARE(v.assess(QStringLiteral("globex")).state, QValidator::Acceptable);
        QCOMPARE(v.assess(repeat(QStringLiteral("a"), 255)).state, QValidator::Acceptable);
        const QString emoji = QString::fromUtf8("\xF0\x9F\x8C\x8D"); // U+1F30D
        QCOMPARE(v.assess(repeat(emoji, 255)).state, QValidator::Acceptable);
        const FieldAssessment a = v.assess(repeat(emoji, 256));
        QCOMPARE(a.state, QValidator::Intermediate);
        QCOMPARE(a.message, QStringLiteral("At most 255 characters — 256 entered"));
        QVERIFY(!a.canBecomeValid);
    }

    void clientIdAndSecret()
    {
        FieldValidator clientId(rules::Field::ClientId);
        clientId.setTrimSpaces(true);
        QCOMPARE(clientId.assess(QString()).message, QStringLiteral("Required"));
        QCOMPARE(clientId.assess(QStringLiteral(" \t ")).message,
                 QStringLiteral("Must not be blank"));
        QCOMPARE(clientId.assess(QStringLiteral("0oa8f3k2j1")).state, QValidator::Acceptable);
        QCOMPARE(clientId.assess(QString::fromUtf8("\xF0\x9F\x94\x91")).state,
                 QValidator::Acceptable);
        const FieldAssessment padded = clientId.assess(QStringLiteral(" 0oa8 "));
        QCOMPARE(padded.state, QValidator::Intermediate);
        QCOMPARE(padded.fix.value_or(QString()), QStringLiteral("0oa8"));

        clientId.setEmptyNote(QStringLiteral("removed"));
        QCOMPARE(clientId.assess(QString()).state, QValidator::Acceptable);
        QCOMPARE(clientId.assess(QString()).message, QStringLiteral("removed"));
        QCOMPARE(clientId.assess(QStringLiteral("  ")).state, QValidator::Intermediate);
        clientId.setEmptyNote(std::nullopt);
        QCOMPARE(clientId.assess(QString()).state, QValidator::Intermediate);

        FieldValidator secret(rules::Field::ClientSecret);
        QCOMPARE(secret.assess(QString()).state, QValidator::Acceptable);
        QCOMPARE(secret.assess(QStringLiteral(" s3cr3t ")).state, QValidator::Acceptable);
    }

    void endpoints()
    {
        EndpointValidator v;
        QCOMPARE(v.assess(QString()).state, QValidator::Acceptable);
        QCOMPARE(v.assess(QStringLiteral("https://acme.okta.com/oauth2/v1/token")).state,
                 QValidator::Acceptable);
        QCOMPARE(v.assess(QStringLiteral("https://acme.okta.com/authorize?x=1")).state,
                 QValidator::Acceptable); // only issuers forbid a query
        QCOMPARE(v.assess(QStringLiteral("http://acme.okta.com/keys")).state,
                 QValidator::Intermediate);
        QCOMPARE(v.assess(QStringLiteral("http://localhost/keys")).state, QValidator::Acceptable);
        QCOMPARE(v.assess(QStringLiteral("not a url")).state, QValidator::Intermediate);
    }

    void lists()
    {
        QCOMPARE(splitList(QStringLiteral(" openid, email  profile,")),
                 (QStringList{QStringLiteral("openid"), QStringLiteral("email"),
                              QStringLiteral("profile")}));
        QVERIFY(splitList(QStringLiteral(" , ")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSsoValidators)
#include "test_sso_validators.moc"
