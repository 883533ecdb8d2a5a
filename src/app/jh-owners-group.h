/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jh-strv-list-group.h"

G_BEGIN_DECLS

#define JH_TYPE_OWNERS_GROUP (jh_owners_group_get_type ())

G_DECLARE_FINAL_TYPE (JhOwnersGroup, jh_owners_group, JH, OWNERS_GROUP, JhStrvListGroup)

GtkWidget *jh_owners_group_new (GSettings *settings);

G_END_DECLS
