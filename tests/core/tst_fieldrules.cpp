// Field rules (FieldRules.h) at their boundaries, counting code points as JSON Schema does.

#include "FieldRules.h"

#include <QLocale>
#include <QTest>

using namespace keycard;
using rules::Field;
using Kind = rules::Violation::Kind;

Q_DECLARE_METATYPE(rules::Field)

namespace {

// U+1D518 MATHEMATICAL FRAKTUR CAPITAL U: one code point, two UTF-16 units.
const QString kFraktur = QStringLiteral("\U0001D518");

QString repeat(const QString &unit, int times)
{
    return unit.repeated(times);
}

} // namespace

class TestFieldRules : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void codePoints()
    {
        QCOMPARE(rules::codePoints(QString()), 0);
        QCOMPARE(rules::codePoints(QStringLiteral("abc")), 3);
        QCOMPARE(kFraktur.size(), 2);
        QCOMPARE(rules::codePoints(kFraktur), 1);
        QCOMPARE(rules::codePoints(repeat(kFraktur, 2048)), 2048);
        QCOMPARE(rules::codePoints(QStringLiteral("é") + kFraktur + QStringLiteral("x")), 3);
        // A lone surrogate still counts as one.
        QCOMPARE(rules::codePoints(QString(QChar(0xD835))), 1);
    }

    void lengths_data()
    {
        QTest::addColumn<Field>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("kind"); // -1 = valid
        QTest::addColumn<int>("limit");

        const auto org = Field::OrganizationId;
        QTest::newRow("org 0") << org << QString() << int(Kind::Required) << 1;
        QTest::newRow("org 1") << org << QStringLiteral("a") << -1 << 0;
        QTest::newRow("org 255") << org << repeat(QStringLiteral("a"), 255) << -1 << 0;
        QTest::newRow("org 256") << org << repeat(QStringLiteral("a"), 256) << int(Kind::TooLong)
                                 << 255;
        QTest::newRow("org 255 non-BMP") << org << repeat(kFraktur, 255) << -1 << 0;
        QTest::newRow("org 256 non-BMP")
            << org << repeat(kFraktur, 256) << int(Kind::TooLong) << 255;
        QTest::newRow("org blank") << org << QStringLiteral("   ") << int(Kind::Blank) << 1;
        // One path segment or nothing: "." and ".." would be resolved away by the URL.
        QTest::newRow("org .") << org << QStringLiteral(".") << int(Kind::DotSegment) << 0;
        QTest::newRow("org ..") << org << QStringLiteral("..") << int(Kind::DotSegment) << 0;
        QTest::newRow("org ...") << org << QStringLiteral("...") << -1 << 0;
        QTest::newRow("org .a") << org << QStringLiteral(".a") << -1 << 0;
        // Typed percent signs are sent as %25: the segment stays what was typed.
        QTest::newRow("org %2e%2e") << org << QStringLiteral("%2e%2e") << -1 << 0;
        QTest::newRow("org .%2e") << org << QStringLiteral(".%2e") << -1 << 0;
        QTest::newRow("org a/..") << org << QStringLiteral("a/..") << -1 << 0;
        QTest::newRow("org lone surrogate") << org << QString(QChar(0xD835)) + QStringLiteral("a")
                                            << int(Kind::InvalidCharacter) << 0;

        const auto id = Field::Identifier;
        QTest::newRow("identifier 0") << id << QString() << int(Kind::Required) << 1;
        QTest::newRow("identifier 1") << id << QStringLiteral("h") << -1 << 0;
        QTest::newRow("identifier 2048") << id << repeat(QStringLiteral("h"), 2048) << -1 << 0;
        QTest::newRow("identifier 2049")
            << id << repeat(QStringLiteral("h"), 2049) << int(Kind::TooLong) << 2048;
        QTest::newRow("identifier 2048 non-BMP (4096 units)")
            << id << repeat(kFraktur, 2048) << -1 << 0;
        QTest::newRow("identifier 2049 non-BMP")
            << id << repeat(kFraktur, 2049) << int(Kind::TooLong) << 2048;
        QTest::newRow("identifier 1 non-BMP") << id << kFraktur << -1 << 0;
        QTest::newRow("identifier blank") << id << QStringLiteral("\t \n") << int(Kind::Blank) << 1;

        const auto client = Field::ClientId;
        QTest::newRow("client id empty") << client << QString() << int(Kind::Required) << 1;
        QTest::newRow("client id blank") << client << QStringLiteral("  ") << int(Kind::Blank) << 1;
        QTest::newRow("client id nbsp")
            << client << QStringLiteral("\u00a0") << int(Kind::Blank) << 1;
        QTest::newRow("client id 1") << client << QStringLiteral("x") << -1 << 0;
        QTest::newRow("client id long") << client << repeat(QStringLiteral("x"), 5000) << -1 << 0;

        const auto secret = Field::ClientSecret;
        QTest::newRow("secret empty") << secret << QString() << -1 << 0;
        QTest::newRow("secret blank") << secret << QStringLiteral(" ") << -1 << 0;
        QTest::newRow("secret value") << secret << QStringLiteral("s3cr3t") << -1 << 0;

        const auto rid = Field::RequestId;
        QTest::newRow("uuid empty (optional)") << rid << QString() << -1 << 0;
        QTest::newRow("uuid lower")
            << rid << QStringLiteral("3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f") << -1 << 0;
        QTest::newRow("uuid upper")
            << rid << QStringLiteral("3F1C2D4E-5A6B-4C7D-8E9F-0A1B2C3D4E5F") << -1 << 0;
        QTest::newRow("uuid braces")
            << rid << QStringLiteral("{3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f}") << int(Kind::NotUuid)
            << 0;
        QTest::newRow("uuid short") << rid << QStringLiteral("3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5")
                                    << int(Kind::NotUuid) << 0;
        QTest::newRow("uuid not hex")
            << rid << QStringLiteral("3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5g") << int(Kind::NotUuid)
            << 0;
        QTest::newRow("uuid no dashes")
            << rid << QStringLiteral("3f1c2d4e5a6b4c7d8e9f0a1b2c3d4e5f") << int(Kind::NotUuid) << 0;
        QTest::newRow("uuid word") << rid << QStringLiteral("request-1") << int(Kind::NotUuid) << 0;
        QTest::newRow("uuid blank") << rid << QStringLiteral("   ") << int(Kind::Blank) << 36;
    }
    void lengths()
    {
        QFETCH(Field, field);
        QFETCH(QString, value);
        QFETCH(int, kind);
        QFETCH(int, limit);
        const auto violation = rules::check(field, value);
        if (kind < 0) {
            QVERIFY2(!violation, qPrintable(violation ? violation->message() : QString()));
            QVERIFY(rules::canBecomeValid(field, value));
            return;
        }
        QVERIFY(violation);
        QCOMPARE(int(violation->kind), kind);
        QCOMPARE(violation->field, field);
        if (kind == int(Kind::TooLong)) {
            QCOMPARE(violation->limit, limit);
            QCOMPARE(violation->actual, rules::codePoints(value));
            QVERIFY(!rules::canBecomeValid(field, value));
        }
    }

    void messages()
    {
        auto v = rules::check(Field::Identifier, repeat(kFraktur, 2051));
        QVERIFY(v);
        QCOMPARE(v->message(), QStringLiteral("At most 2,048 characters — 2,051 entered"));
        v = rules::check(Field::ClientId, QString());
        QCOMPARE(v->message(), QStringLiteral("Required"));
        v = rules::check(Field::ClientId, QStringLiteral(" "));
        QCOMPARE(v->message(), QStringLiteral("Must not be blank"));
        v = rules::check(Field::RequestId, QStringLiteral("nope"));
        QCOMPARE(v->message(), QStringLiteral("Not a UUID"));
        v = rules::check(Field::OrganizationId, QStringLiteral(".."));
        QCOMPARE(v->message(),
                 QStringLiteral("“.” and “..” cannot be used: they would change the request's "
                                "address"));
    }

    void ruleTable()
    {
        QCOMPARE(QLatin1String(rules::rule(Field::OrganizationId).jsonName),
                 QLatin1String("organization_id"));
        QCOMPARE(rules::rule(Field::OrganizationId).maxLength, 255);
        QCOMPARE(QLatin1String(rules::rule(Field::Identifier).jsonName),
                 QLatin1String("identifier"));
        QCOMPARE(rules::rule(Field::Identifier).maxLength, 2048);
        QCOMPARE(QLatin1String(rules::rule(Field::ClientId).jsonName), QLatin1String("client_id"));
        QVERIFY(!rules::rule(Field::ClientSecret).required);
        QCOMPARE(rules::fieldLabel(Field::Identifier), QStringLiteral("Issuer URL"));
    }

    void canBecomeValid_data()
    {
        QTest::addColumn<Field>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("expected");
        QTest::newRow("org empty") << Field::OrganizationId << QString() << true;
        QTest::newRow("org blank") << Field::OrganizationId << QStringLiteral(" ") << true;
        QTest::newRow("org 256") << Field::OrganizationId << repeat(QStringLiteral("a"), 256)
                                 << false;
        QTest::newRow("org ..") << Field::OrganizationId << QStringLiteral("..") << true;
        QTest::newRow("org lone surrogate")
            << Field::OrganizationId << QString(QChar(0xDC00)) << false;
        QTest::newRow("identifier 2049 non-BMP")
            << Field::Identifier << repeat(kFraktur, 2049) << false;
        QTest::newRow("uuid empty") << Field::RequestId << QString() << true;
        QTest::newRow("uuid prefix") << Field::RequestId << QStringLiteral("3f1c2d4e-5A") << true;
        QTest::newRow("uuid bad char") << Field::RequestId << QStringLiteral("3f1c2d4x") << false;
        QTest::newRow("uuid dash misplaced")
            << Field::RequestId << QStringLiteral("3f1c-") << false;
        QTest::newRow("uuid too long")
            << Field::RequestId << QStringLiteral("3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f0") << false;
        // Digits of other scripts are digits to QChar::isDigit() but never part of a UUID.
        QTest::newRow("uuid arabic-indic digit")
            << Field::RequestId << QStringLiteral("\u0663") << false;
        QTest::newRow("uuid fullwidth digit")
            << Field::RequestId << QStringLiteral("\uff11") << false;
    }
    void canBecomeValid()
    {
        QFETCH(Field, field);
        QFETCH(QString, value);
        QFETCH(bool, expected);
        QCOMPARE(rules::canBecomeValid(field, value), expected);
    }

    void isUuid()
    {
        QVERIFY(rules::isUuid(QStringLiteral("3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f")));
        QVERIFY(!rules::isUuid(QStringLiteral("\u0663f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f")));
        QVERIFY(!rules::isUuid(QString()));
    }

    void issuer_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("kind"); // -1: acceptable
        using K = rules::IssuerProblem::Kind;
        QTest::newRow("okta") << "https://acme.okta.com" << -1;
        QTest::newRow("auth0 slash") << "https://acme.auth0.com/" << -1;
        QTest::newRow("entra") << "https://login.microsoftonline.com/x/v2.0" << -1;
        QTest::newRow("loopback http") << "http://127.0.0.1:8765/idp/good" << -1;
        QTest::newRow("localhost http") << "http://localhost/realms/x" << -1;
        QTest::newRow("ipv6 loopback") << "http://[::1]:99/" << -1;
        QTest::newRow("http remote") << "http://example.com" << int(K::HttpNotLoopback);
        QTest::newRow("ftp") << "ftp://example.com" << int(K::Scheme);
        QTest::newRow("space in host") << "https://my org.okta.com" << int(K::Spaces);
        QTest::newRow("tab") << "https://a.com\t" << int(K::Spaces);
        QTest::newRow("no scheme") << "acme.okta.com" << int(K::NotUrl);
        QTest::newRow("scheme only") << "https://" << int(K::NoHost);
        QTest::newRow("query") << "https://a.com/?x=1" << int(K::QueryOrFragment);
        QTest::newRow("fragment") << "https://a.com/#f" << int(K::QueryOrFragment);
        QTest::newRow("user and password") << "https://user:pw@host.example" << int(K::UserInfo);
        QTest::newRow("user") << "https://user@host.example/x" << int(K::UserInfo);
        QTest::newRow("encoded slash before @")
            << "https://host.example%2F@evil.com" << int(K::UserInfo);
        QTest::newRow("empty user") << "https://@host.example" << int(K::UserInfo);
        QTest::newRow("@ in path") << "https://host.example/a@b" << -1;
        QTest::newRow("bidi override")
            << QStringLiteral("https://acme.okta.com/") + QChar(0x202E) + QStringLiteral("moc.live")
            << int(K::FormatCharacter);
        QTest::newRow("bidi isolate in host")
            << QStringLiteral("https://acme") + QChar(0x2066) + QStringLiteral(".okta.com")
            << int(K::FormatCharacter);
        QTest::newRow("zero-width space")
            << QStringLiteral("https://acme.okta") + QChar(0x200B) + QStringLiteral(".com")
            << int(K::FormatCharacter);
        QTest::newRow("control") << QStringLiteral("https://acme.okta.com/") + QChar(0x0001)
                                 << int(K::FormatCharacter);
        QTest::newRow("dot dot") << "https://idp.example/a/../b" << int(K::DotSegment);
        QTest::newRow("dot dot at end") << "https://idp.example/a/.." << int(K::DotSegment);
        QTest::newRow("dot") << "https://idp.example/./a" << int(K::DotSegment);
        QTest::newRow("encoded dot dot") << "https://idp.example/%2e%2e/b" << int(K::DotSegment);
        QTest::newRow("half encoded dot dot") << "https://idp.example/.%2E" << int(K::DotSegment);
        QTest::newRow("three dots") << "https://idp.example/.../b" << -1;
        QTest::newRow("dotted segment") << "https://idp.example/v2.0/..x" << -1;
        // Capitals are worth a warning (issuerWarnings()), not a refusal.
        QTest::newRow("upper-case scheme") << "HTTPS://acme.okta.com" << -1;
        QTest::newRow("upper-case host") << "https://Acme.Okta.com" << -1;
    }
    void issuer()
    {
        QFETCH(QString, text);
        QFETCH(int, kind);
        const auto problem = rules::checkIssuer(text);
        if (kind < 0) {
            QVERIFY2(!problem, qPrintable(problem ? problem->message() : QString()));
        } else {
            QVERIFY(problem);
            QCOMPARE(int(problem->kind), kind);
            QVERIFY(!problem->message().isEmpty());
        }
    }

    void issuerWarnings_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QList<int>>("kinds");
        using K = rules::IssuerWarning::Kind;
        QTest::newRow("lower case") << "https://acme.okta.com/oauth2/Default" << QList<int>{};
        QTest::newRow("scheme") << "HTTPS://acme.okta.com" << QList<int>{int(K::UppercaseScheme)};
        QTest::newRow("mixed scheme")
            << "Https://acme.okta.com" << QList<int>{int(K::UppercaseScheme)};
        QTest::newRow("host") << "https://ACME.okta.com/x" << QList<int>{int(K::UppercaseHost)};
        QTest::newRow("both") << "HTTP://LOCALHOST:8080"
                              << QList<int>{int(K::UppercaseScheme), int(K::UppercaseHost)};
        QTest::newRow("escape digits") << "https://h%C3%A9.example" << QList<int>{};
        QTest::newRow("not a url") << "ACME" << QList<int>{};
    }
    void issuerWarnings()
    {
        QFETCH(QString, text);
        QFETCH(QList<int>, kinds);
        const QList<rules::IssuerWarning> warnings = rules::issuerWarnings(text);
        QList<int> actual;
        for (const rules::IssuerWarning &w : warnings) {
            actual << int(w.kind);
            QVERIFY(w.message().contains(QLatin1String("compared exactly")));
        }
        QCOMPARE(actual, kinds);
    }
};

QTEST_GUILESS_MAIN(TestFieldRules)
#include "tst_fieldrules.moc"
