/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jihua.h"
#include "jh-strv-list-group.h"

G_BEGIN_DECLS

#define JH_TYPE_DISABLED_RULES_GROUP (jh_disabled_rules_group_get_type ())

G_DECLARE_FINAL_TYPE (JhDisabledRulesGroup, jh_disabled_rules_group, JH, DISABLED_RULES_GROUP, JhStrvListGroup)

GtkWidget *jh_disabled_rules_group_new (GSettings    *settings,
                                        JhLibrarySet *libraries);

G_END_DECLS
