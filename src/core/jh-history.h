/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "jh-node.h"

G_BEGIN_DECLS

#define JH_TYPE_HISTORY (jh_history_get_type ())

G_DECLARE_FINAL_TYPE (JhHistory, jh_history, JH, HISTORY, GObject)

/* Edits of the same property closer together than this are one step to
 * undo, so that undoing typing takes back words, not letters.
 */
#define JH_HISTORY_MERGE_INTERVAL_USEC (G_USEC_PER_SEC)

/* How many steps are kept; older ones are forgotten. */
#define JH_HISTORY_MAX_STEPS 500

JhHistory  *jh_history_new              (void);
gboolean    jh_history_get_can_undo     (JhHistory    *self);
gboolean    jh_history_get_can_redo     (JhHistory    *self);
const char *jh_history_get_undo_label   (JhHistory    *self);
const char *jh_history_get_redo_label   (JhHistory    *self);
gboolean    jh_history_undo             (JhHistory    *self);
gboolean    jh_history_redo             (JhHistory    *self);
void        jh_history_clear            (JhHistory    *self);

void        jh_history_begin            (JhHistory    *self,
                                         const char   *label);
void        jh_history_end              (JhHistory    *self);
void        jh_history_seal             (JhHistory    *self);

void        jh_history_set_property     (JhHistory    *self,
                                         JhNode       *node,
                                         const char   *property,
                                         const GValue *value);
void        jh_history_set              (JhHistory    *self,
                                         JhNode       *node,
                                         const char   *first_property,
                                         ...) G_GNUC_NULL_TERMINATED;
void        jh_history_insert           (JhHistory    *self,
                                         JhNode       *parent,
                                         int           position,
                                         JhNode       *child);
void        jh_history_remove           (JhHistory    *self,
                                         JhNode       *child);
void        jh_history_set_body         (JhHistory    *self,
                                         JhNode       *parent,
                                         const char   *text);
void        jh_history_move             (JhHistory    *self,
                                         JhNode       *child,
                                         JhNode       *new_parent,
                                         int           position);

G_END_DECLS
