/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define JH_TYPE_STRV_LIST_GROUP (jh_strv_list_group_get_type ())

G_DECLARE_DERIVABLE_TYPE (JhStrvListGroup, jh_strv_list_group, JH, STRV_LIST_GROUP, AdwPreferencesGroup)

/**
 * JhStrvListGroupClass:
 * @describe_row: sets up the row showing @value (its title is @value
 *   unless changed) and returns the tooltip and accessible name of its
 *   remove button, naming what the button takes off the list, or %NULL
 *   when the button's own text says enough
 * @rows_changed: called once the rows show the setting again, with how
 *   many there are
 */
struct _JhStrvListGroupClass
{
  AdwPreferencesGroupClass parent_class;

  char *(*describe_row) (JhStrvListGroup *self,
                         AdwActionRow    *row,
                         const char      *value);
  void  (*rows_changed) (JhStrvListGroup *self,
                         guint            n_rows);
};

gboolean jh_strv_list_group_contains         (JhStrvListGroup *self,
                                              const char      *value);
gboolean jh_strv_list_group_append           (JhStrvListGroup *self,
                                              const char      *value);
void     jh_strv_list_group_add_footer       (JhStrvListGroup *self,
                                              GtkWidget       *row);
void     jh_strv_list_group_set_remove_label (JhStrvListGroup *self,
                                              const char      *label);

G_END_DECLS
