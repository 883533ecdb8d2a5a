/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define JH_TYPE_OBJECT_LIST (jh_object_list_get_type ())

G_DECLARE_FINAL_TYPE (JhObjectList, jh_object_list, JH, OBJECT_LIST, GObject)

JhObjectList *jh_object_list_new        (GType          item_type);
void          jh_object_list_append     (JhObjectList  *self,
                                         gpointer       item);
void          jh_object_list_splice     (JhObjectList  *self,
                                         guint          position,
                                         guint          n_removals,
                                         gpointer      *additions,
                                         guint          n_additions);
void          jh_object_list_remove     (JhObjectList  *self,
                                         guint          position);
void          jh_object_list_remove_all (JhObjectList  *self);
gboolean      jh_object_list_find       (JhObjectList  *self,
                                         gpointer       item,
                                         guint         *position);

G_END_DECLS
