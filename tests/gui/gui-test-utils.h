/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void       gui_test_init           (int         *argc,
                                    char      ***argv);
void       gui_test_wait_drawn     (GtkWidget   *widget);
void       gui_test_save_rendering (GtkWidget   *widget,
                                    const char  *name);
GtkWidget *gui_test_find_row       (GtkWidget   *widget,
                                    GType        type,
                                    const char  *title);
GtkWidget *gui_test_find_widget    (GtkWidget   *widget,
                                    GType        type);

G_END_DECLS
