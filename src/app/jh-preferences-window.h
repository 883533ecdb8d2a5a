/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define JH_TYPE_PREFERENCES_WINDOW (jh_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (JhPreferencesWindow, jh_preferences_window, JH, PREFERENCES_WINDOW, AdwPreferencesWindow)

JhPreferencesWindow *jh_preferences_window_new (GtkWindow *parent,
                                                GSettings *settings);

G_END_DECLS
