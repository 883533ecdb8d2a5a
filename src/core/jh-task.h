/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jh-node.h"
#include "jh-paragraph.h"
#include "jh-provenance.h"
#include "jh-target.h"
#include "jh-types.h"

G_BEGIN_DECLS

#define JH_TYPE_TASK (jh_task_get_type ())

G_DECLARE_FINAL_TYPE (JhTask, jh_task, JH, TASK, JhNode)

JhTask       *jh_task_new                 (const char   *lead);

const char   *jh_task_get_lead            (JhTask       *self);
void          jh_task_set_lead            (JhTask       *self,
                                           const char   *lead);
const char   *jh_task_get_owner           (JhTask       *self);
void          jh_task_set_owner           (JhTask       *self,
                                           const char   *owner);
const char   *jh_task_get_participants    (JhTask       *self);
void          jh_task_set_participants    (JhTask       *self,
                                           const char   *participants);
const char   *jh_task_get_timing          (JhTask       *self);
void          jh_task_set_timing          (JhTask       *self,
                                           const char   *timing);
JhProvenance *jh_task_get_provenance      (JhTask       *self);
void          jh_task_set_provenance      (JhTask       *self,
                                           JhProvenance *provenance);

GListModel   *jh_task_get_paragraphs      (JhTask       *self);
void          jh_task_insert_paragraph    (JhTask       *self,
                                           int           position,
                                           JhParagraph  *paragraph);
gboolean      jh_task_remove_paragraph    (JhTask       *self,
                                           JhParagraph  *paragraph);

GListModel   *jh_task_get_targets         (JhTask       *self);
void          jh_task_insert_target       (JhTask       *self,
                                           int           position,
                                           JhTarget     *target);
gboolean      jh_task_remove_target       (JhTask       *self,
                                           JhTarget     *target);

GListModel   *jh_task_get_subtasks        (JhTask       *self);
gboolean      jh_task_can_hold            (JhTask       *self,
                                           JhTask       *subtask);
void          jh_task_insert_subtask      (JhTask       *self,
                                           int           position,
                                           JhTask       *subtask);
gboolean      jh_task_remove_subtask      (JhTask       *self,
                                           JhTask       *subtask);
gboolean      jh_task_move_subtask        (JhTask       *self,
                                           JhTask       *subtask,
                                           guint         position);

JhSection    *jh_task_get_section         (JhTask       *self);
JhTask       *jh_task_get_parent_task     (JhTask       *self);
guint         jh_task_get_depth           (JhTask       *self);
guint         jh_task_get_height          (JhTask       *self);
guint         jh_task_get_position        (JhTask       *self);
guint         jh_task_get_heading_level   (JhTask       *self);
char         *jh_task_dup_numbering       (JhTask       *self);
char         *jh_task_dup_path            (JhTask       *self);

G_END_DECLS
