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

} // namespace keycard::sandbox::seed
