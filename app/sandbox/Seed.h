#pragma once

#include "Store.h"

namespace keycard::sandbox::seed {

// Appends the named demo organizations of DemoData.h with their connections.
void addDemoOrganizations(Store &store);

// The generated organization number `number` (1-based): deterministic id (26-character nanoid),
// name ("Northwind Traders 0042"), label ("org-00042"), created_at; every 7th has SSO enabled.
Store::Organization generatedOrganization(int number);

// Appends generated organizations `first` .. `first + count - 1`; ids that collide with an
// existing organization are skipped over, so ids stay unique. Returns the next free number.
int addGeneratedOrganizations(Store &store, int first, int count);

// A deterministic 26-character nanoid for `seed`.
QString stableId(quint64 seed);

// The demo organizations' members and invitations (DemoData.h says who is where). Called by
// addDemoOrganizations().
void addDemoMembers(Store &store);

// Appends `count` generated members to the organization at `index` (deterministic: number n
// always gives the same member): emails "member000042@<label>.example.com", 1 in 10 a viewer,
// 1 in 500 an administrator, 1 in 50 disabled; with SSO, members sign in through the
// organization's issuer except 1 in 20 (Keycard accounts).
void addGeneratedMembers(Store &store, int index, int count);

} // namespace keycard::sandbox::seed
