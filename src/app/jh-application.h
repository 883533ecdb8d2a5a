/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jihua.h"

G_BEGIN_DECLS

#define JH_TYPE_APPLICATION (jh_application_get_type ())

G_DECLARE_FINAL_TYPE (JhApplication, jh_application, JH, APPLICATION, AdwApplication)

JhApplication *jh_application_new            (GApplicationFlags  flags);
guint          jh_application_restore_drafts (JhApplication     *self);
GSettings     *jh_application_get_settings   (JhApplication     *self);
JhLibrarySet  *jh_application_get_libraries  (JhApplication     *self);

G_END_DECLS
