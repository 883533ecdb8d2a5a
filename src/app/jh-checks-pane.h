/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "jihua.h"

G_BEGIN_DECLS

#define JH_TYPE_CHECKS_PANE (jh_checks_pane_get_type ())

G_DECLARE_FINAL_TYPE (JhChecksPane, jh_checks_pane, JH, CHECKS_PANE, AdwBin)

GtkWidget *jh_checks_pane_new           (void);
void       jh_checks_pane_set_libraries (JhChecksPane  *self,
                                         JhLibrarySet  *libraries);
void       jh_checks_pane_set_settings  (JhChecksPane  *self,
                                         GSettings     *settings);
void       jh_checks_pane_set_plan      (JhChecksPane  *self,
                                         JhPlan        *plan,
                                         GFile         *file);
void       jh_checks_pane_set_history   (JhChecksPane  *self,
                                         JhHistory     *history);
JhReport  *jh_checks_pane_get_report    (JhChecksPane  *self);
JhChecker *jh_checks_pane_get_checker   (JhChecksPane  *self);
GtkWidget *jh_checks_pane_get_list      (JhChecksPane  *self);
gboolean   jh_checks_pane_apply_fix     (JhChecksPane  *self,
                                         JhFinding     *finding,
                                         JhFix         *fix,
                                         GError       **error);
void       jh_checks_pane_ignore        (JhChecksPane  *self,
                                         JhFinding     *finding);
void       jh_checks_pane_turn_off_rule (JhChecksPane  *self,
                                         const char    *rule_id);

G_END_DECLS
