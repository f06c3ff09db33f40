#pragma once

#include <QObject>

// Strict decoding of API objects (Models.h). Declared here so that moc never has to read the
// JSON samples (raw string literals) of tst_models.cpp.
class TestModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void organizationValid();
    void organizationRequiredFields_data();
    void organizationRequiredFields();
    void organizationUnknownFieldsKept();
    void organizationPermissions();
    void timestamps_data();
    void timestamps();
    void timestampRoundTrip();
    void localTimestampKeepsYearAndSeconds_data();
    void localTimestampKeepsYearAndSeconds();
    void displayNameShowsHiddenCharacters();
    void pageValid();
    void pagePrevAlias_data();
    void pagePrevAlias();
    void pageErrors_data();
    void pageErrors();
    void organizationWithoutSsoFlag();
    void pageItemsDecodedOneByOne();
    void pageCursorStops();
    void connectionValid();
    void connectionNullClientId();
    void connectionUnknownFieldsKept();
    void connectionErrors_data();
    void connectionErrors();
    void createBody();
    void updateBody();
    void updateBodyProtocolsPatch();
    void protocolsRoundTrip();
};
