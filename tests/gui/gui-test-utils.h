/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jh-application.h"
#include "jh-body-editor.h"
#include "jh-window.h"

G_BEGIN_DECLS

/* Runs the main loop until @condition holds; fails the test when it
 * still does not after @seconds.
 */
#define GUI_TEST_WAIT_UNTIL_SECONDS(condition, seconds)                  \
  G_STMT_START {                                                         \
    gint64 _deadline = g_get_monotonic_time () + (seconds) * G_USEC_PER_SEC; \
    while (!(condition))                                                 \
      {                                                                  \
        g_assert_cmpint (g_get_monotonic_time (), <, _deadline);         \
        g_main_context_iteration (NULL, FALSE);                          \
        g_usleep (1000);                                                 \
      }                                                                  \
  } G_STMT_END

/* Ten seconds: long enough for the slowest machine, short enough that a
 * hang is reported as one.
 */
#define WAIT_UNTIL(condition) GUI_TEST_WAIT_UNTIL_SECONDS (condition, 10)

void           gui_test_init              (int         *argc,
                                           char      ***argv);
char          *gui_test_make_data_home    (void);
void           gui_test_remove_tree       (const char  *path);
JhApplication *gui_test_start_application (int         *argc,
                                           char      ***argv,
                                           char       **data_home);
void           gui_test_stop_application  (JhApplication *application,
                                           char          *data_home);
JhWindow      *gui_test_new_plan_window   (JhApplication *application,
                                           const char    *name);
JhBodyEditor  *gui_test_find_body_editor  (GtkWidget   *widget,
                                           JhNode      *node);
void           gui_test_wait_drawn        (GtkWidget   *widget);
void           gui_test_save_rendering    (GtkWidget   *widget,
                                           const char  *name);
GtkWidget     *gui_test_find_row          (GtkWidget   *widget,
                                           GType        type,
                                           const char  *title);
GtkWidget     *gui_test_find_widget       (GtkWidget   *widget,
                                           GType        type);

GtkWidget *gui_test_find_button    (GtkWidget   *widget,
                                    const char  *action_name);

GtkWidget *gui_test_find_label     (GtkWidget   *widget,
                                    const char  *text);

G_END_DECLS
