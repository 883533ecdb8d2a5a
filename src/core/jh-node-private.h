/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "jh-node.h"

G_BEGIN_DECLS

void     _jh_node_emit_changed (JhNode     *self);
gboolean _jh_node_accepts      (JhNode     *self,
                                JhNode     *child);
void     _jh_node_list_insert  (JhNode     *owner,
                                GListStore *children,
                                int         position,
                                gpointer    child);
gboolean _jh_node_list_remove  (JhNode     *owner,
                                GListStore *children,
                                gpointer    child);
gboolean _jh_node_list_move    (JhNode     *owner,
                                GListStore *children,
                                gpointer    child,
                                guint       new_position);
guint    _jh_node_list_index   (GListStore *children,
                                gpointer    child);
void     _jh_node_list_clear   (GListStore *children);
void     _jh_trusted_text_begin (void);
void     _jh_trusted_text_end   (void);
char    *_jh_sanitize_text     (const char *text,
                                gboolean    single_line);
gboolean _jh_set_string        (char      **field,
                                const char *value);
gboolean _jh_set_line          (char      **field,
                                const char *value);

G_END_DECLS
