/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jh-window.h"

G_BEGIN_DECLS

void jh_window_clause_browser_action     (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *parameter);
void jh_window_save_to_my_clauses_action (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *parameter);

G_END_DECLS
