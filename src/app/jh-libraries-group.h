/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jihua.h"
#include "jh-strv-list-group.h"

G_BEGIN_DECLS

#define JH_TYPE_LIBRARIES_GROUP (jh_libraries_group_get_type ())

G_DECLARE_FINAL_TYPE (JhLibrariesGroup, jh_libraries_group, JH, LIBRARIES_GROUP, JhStrvListGroup)

GtkWidget *jh_libraries_group_new         (GSettings        *settings);
gboolean   jh_libraries_group_add_uri     (JhLibrariesGroup *self,
                                           const char       *uri,
                                           GError          **error);

G_END_DECLS
