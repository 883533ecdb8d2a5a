/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <glib/gi18n.h>

#include "jh-outline.h"

/**
 * JhOutline:
 *
 * The plan's sections and tasks as a tree with their numbering (一、
 * （一） 1. （1）), kept live as the plan changes.  The structure is
 * edited here: add, remove, move up and down, indent and outdent, by
 * menu, keyboard and drag and drop; every edit goes through the plan's
 * #JhHistory.
 */

struct _JhOutline
{
  AdwBin              parent_instance;

  JhPlan             *plan;
  JhHistory          *history;
  JhNode             *selected;
  GtkTreeListModel   *tree;
  GtkSingleSelection *selection;
  GPtrArray          *structure;
  GHashTable         *bound_items;
  guint               refresh_source;

  /* Template widgets */
  GtkListView        *list_view;
  GMenuModel         *context_menu;
};

G_DEFINE_FINAL_TYPE (JhOutline, jh_outline, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_HISTORY,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * jh_outline_dup_label:
 * @node: a section or a task
 *
 * Returns: (transfer full): how the outline names @node: its numbering
 *   and its heading
 */
char *
jh_outline_dup_label (JhNode *node)
{
  if (JH_IS_SECTION (node))
    {
      JhSection *section = JH_SECTION (node);
      g_autofree char *numbering = jh_section_dup_numbering (section);

      if (*jh_section_get_title (section) == '\0')
        return g_strdup (jh_section_kind_get_label (jh_section_get_kind (section)));

      return g_strconcat (numbering ? numbering : "", jh_section_get_title (section), NULL);
    }

  if (JH_IS_TASK (node))
    {
      g_autofree char *numbering = jh_task_dup_numbering (JH_TASK (node));
      const char *lead = jh_task_get_lead (JH_TASK (node));

      return g_strconcat (numbering, *lead ? lead : _("New Task"), NULL);
    }

  g_return_val_if_reached (g_strdup (""));
}

/* The tree's rows in order, each with its parent, to tell a change of
 * structure (which needs a new tree) from a change of text (which needs
 * new labels).  The parents matter: indenting a task keeps the order of
 * the rows but not the tree.
 */
static void
flatten (GListModel *list,
         GPtrArray  *nodes)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(JhNode) node = g_list_model_get_item (list, i);

      g_ptr_array_add (nodes, node);
      g_ptr_array_add (nodes, jh_node_get_parent (node));
      if (JH_IS_SECTION (node))
        flatten (jh_section_get_tasks (JH_SECTION (node)), nodes);
      else if (JH_IS_TASK (node))
        flatten (jh_task_get_subtasks (JH_TASK (node)), nodes);
    }
}

static GListModel *
create_children_cb (gpointer item,
                    gpointer user_data)
{
  GListModel *children = NULL;

  if (JH_IS_SECTION (item))
    children = jh_section_get_tasks (item);
  else if (JH_IS_TASK (item))
    children = jh_task_get_subtasks (item);

  /* No expander for a row without children: GTK 4.8 cannot hide it. */
  if (children == NULL || g_list_model_get_n_items (children) == 0)
    return NULL;

  return g_object_ref (children);
}

static void
update_label (GtkListItem *list_item)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  GtkWidget *label = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  g_autoptr(GObject) node = row ? gtk_tree_list_row_get_item (row) : NULL;
  g_autofree char *text = NULL;

  if (node == NULL)
    return;

  text = jh_outline_dup_label (JH_NODE (node));
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, text);
}

static guint
find_row (JhOutline *self,
          JhNode    *node)
{
  GListModel *rows = G_LIST_MODEL (self->tree);

  for (guint i = 0; rows != NULL && i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (item == G_OBJECT (node))
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static void update_actions (JhOutline *self);

static void
set_selected (JhOutline *self,
              JhNode    *node)
{
  if (g_set_object (&self->selected, node))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);

  update_actions (self);
}

static void
selection_changed_cb (GtkSingleSelection *selection,
                      GParamSpec         *pspec,
                      JhOutline          *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (selection);
  g_autoptr(GObject) node = row ? gtk_tree_list_row_get_item (row) : NULL;

  set_selected (self, node ? JH_NODE (node) : NULL);
}

static void
rebuild (JhOutline *self)
{
  g_autoptr(JhNode) keep = self->selected ? g_object_ref (self->selected) : NULL;
  guint position;

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, selection_changed_cb, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->tree);
  g_ptr_array_set_size (self->structure, 0);

  if (self->plan == NULL)
    {
      gtk_list_view_set_model (self->list_view, NULL);
      set_selected (self, NULL);
      return;
    }

  flatten (jh_plan_get_sections (self->plan), self->structure);

  self->tree = gtk_tree_list_model_new (g_object_ref (jh_plan_get_sections (self->plan)),
                                        FALSE, TRUE, create_children_cb, NULL, NULL);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->tree)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  /* The selected node stays selected, wherever it went. */
  position = keep ? find_row (self, keep) : GTK_INVALID_LIST_POSITION;
  gtk_single_selection_set_selected (self->selection, position);
  g_signal_connect (self->selection, "notify::selected", G_CALLBACK (selection_changed_cb), self);
  set_selected (self, position != GTK_INVALID_LIST_POSITION ? keep : NULL);
}

/**
 * jh_outline_refresh:
 * @self: a #JhOutline
 *
 * Brings the outline up to date with the plan at once, rather than when
 * the main loop is next idle.
 */
void
jh_outline_refresh (JhOutline *self)
{
  g_autoptr(GPtrArray) structure = g_ptr_array_new ();
  gboolean same = self->plan != NULL;
  GHashTableIter iter;
  gpointer list_item;

  g_return_if_fail (JH_IS_OUTLINE (self));

  g_clear_handle_id (&self->refresh_source, g_source_remove);

  if (self->plan != NULL)
    flatten (jh_plan_get_sections (self->plan), structure);

  same = same && structure->len == self->structure->len;
  for (guint i = 0; same && i < structure->len; i++)
    same = g_ptr_array_index (structure, i) == g_ptr_array_index (self->structure, i);

  if (!same)
    {
      rebuild (self);
      return;
    }

  /* Same rows: only the labels (a heading typed, a number shifted). */
  g_hash_table_iter_init (&iter, self->bound_items);
  while (g_hash_table_iter_next (&iter, &list_item, NULL))
    update_label (list_item);

  update_actions (self);
}

static gboolean
refresh_cb (gpointer user_data)
{
  JhOutline *self = user_data;

  self->refresh_source = 0;
  jh_outline_refresh (self);

  return G_SOURCE_REMOVE;
}

static void
plan_changed_cb (JhPlan    *plan,
                 JhOutline *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_cb, self);
}

/* Structure edits */

static JhNode *
get_selected_task_or_section (JhOutline *self,
                              GType      type)
{
  if (self->selected != NULL && G_TYPE_CHECK_INSTANCE_TYPE (self->selected, type))
    return self->selected;

  return NULL;
}

static JhSection *
find_section_for_new_task (JhOutline *self)
{
  JhSection *section;
  guint n_sections;

  section = jh_plan_find_section (self->plan, JH_SECTION_KIND_MAIN_TASKS);
  if (section != NULL)
    return section;

  n_sections = g_list_model_get_n_items (jh_plan_get_sections (self->plan));
  if (n_sections == 0)
    return NULL;

  {
    g_autoptr(JhSection) last = g_list_model_get_item (jh_plan_get_sections (self->plan), n_sections - 1);

    return last;
  }
}

static void
finish_edit (JhOutline *self,
             JhNode    *select)
{
  jh_outline_refresh (self);
  jh_outline_select (self, select);
}

static void
add_task_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  JhOutline *self = JH_OUTLINE (widget);
  g_autoptr(JhTask) task = jh_task_new (NULL);
  JhNode *selected_task = get_selected_task_or_section (self, JH_TYPE_TASK);
  JhNode *selected_section = get_selected_task_or_section (self, JH_TYPE_SECTION);

  if (self->plan == NULL || self->history == NULL)
    return;

  jh_history_seal (self->history);

  /* After the selected task, as its sibling; or at the end of the
   * selected section; or at the end of the main tasks.
   */
  if (selected_task != NULL)
    jh_history_insert (self->history, jh_node_get_parent (selected_task),
                       jh_node_get_position (selected_task) + 1, JH_NODE (task));
  else if (selected_section != NULL)
    jh_history_insert (self->history, selected_section, -1, JH_NODE (task));
  else if (find_section_for_new_task (self) != NULL)
    jh_history_insert (self->history, JH_NODE (find_section_for_new_task (self)), -1, JH_NODE (task));
  else
    return;

  finish_edit (self, JH_NODE (task));
}

static void
add_subtask_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  JhOutline *self = JH_OUTLINE (widget);
  g_autoptr(JhTask) task = jh_task_new (NULL);
  JhNode *parent = get_selected_task_or_section (self, JH_TYPE_TASK);

  if (parent == NULL || self->history == NULL || !jh_node_can_hold (parent, JH_NODE (task)))
    return;

  jh_history_seal (self->history);
  jh_history_insert (self->history, parent, -1, JH_NODE (task));
  finish_edit (self, JH_NODE (task));
}

static void
add_section_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  JhOutline *self = JH_OUTLINE (widget);
  g_autoptr(JhSection) section = jh_section_new (JH_SECTION_KIND_OTHER, "");
  int position = -1;

  if (self->plan == NULL || self->history == NULL)
    return;

  /* After the section the selection is in. */
  for (JhNode *node = self->selected; node != NULL; node = jh_node_get_parent (node))
    if (JH_IS_SECTION (node))
      {
        position = jh_node_get_position (node) + 1;
        break;
      }

  jh_history_seal (self->history);
  jh_history_insert (self->history, JH_NODE (self->plan), position, JH_NODE (section));
  finish_edit (self, JH_NODE (section));
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  JhOutline *self = JH_OUTLINE (widget);
  g_autoptr(JhNode) node = self->selected ? g_object_ref (self->selected) : NULL;
  JhNode *parent;
  JhNode *next = NULL;
  GListModel *siblings;
  guint position;

  if (node == NULL || self->history == NULL)
    return;

  parent = jh_node_get_parent (node);
  siblings = jh_node_get_child_list (parent, G_OBJECT_TYPE (node));
  position = jh_node_get_position (node);

  jh_history_seal (self->history);
  jh_history_remove (self->history, node);

  /* Select what took its place, or what came before, or its parent. */
  if (position < g_list_model_get_n_items (siblings))
    next = g_list_model_get_item (siblings, position);
  else if (position > 0)
    next = g_list_model_get_item (siblings, position - 1);
  else if (!JH_IS_PLAN (parent))
    next = g_object_ref (parent);

  finish_edit (self, next);
  g_clear_object (&next);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  JhOutline *self = JH_OUTLINE (widget);
  g_autoptr(JhNode) node = self->selected ? g_object_ref (self->selected) : NULL;
  gboolean up = g_str_equal (action_name, "outline.move-up");
  GListModel *siblings;
  guint position;

  if (node == NULL || self->history == NULL)
    return;

  siblings = jh_node_get_child_list (jh_node_get_parent (node), G_OBJECT_TYPE (node));
  position = jh_node_get_position (node);
  if ((up && position == 0) || (!up && position + 1 >= g_list_model_get_n_items (siblings)))
    return;

  jh_history_seal (self->history);
  jh_history_move (self->history, node, jh_node_get_parent (node), up ? position - 1 : position + 1);
  finish_edit (self, node);
}

static JhTask *
get_previous_sibling_task (JhTask *task)
{
  JhNode *parent = jh_node_get_parent (JH_NODE (task));
  guint position = jh_node_get_position (JH_NODE (task));
  g_autoptr(JhTask) previous = NULL;

  if (parent == NULL || position == 0)
    return NULL;

  previous = g_list_model_get_item (jh_node_get_child_list (parent, JH_TYPE_TASK), position - 1);

  return previous;
}

static gboolean
can_indent (JhTask *task)
{
  JhTask *previous = task ? get_previous_sibling_task (task) : NULL;

  return previous != NULL &&
         jh_task_get_depth (previous) + jh_task_get_height (task) <= JH_TASK_MAX_DEPTH;
}

static void
indent_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  JhOutline *self = JH_OUTLINE (widget);
  JhNode *node = get_selected_task_or_section (self, JH_TYPE_TASK);
  g_autoptr(JhTask) task = node ? g_object_ref (JH_TASK (node)) : NULL;

  if (task == NULL || self->history == NULL || !can_indent (task))
    return;

  /* The task becomes the last sub-task of the one above it. */
  jh_history_seal (self->history);
  jh_history_move (self->history, JH_NODE (task), JH_NODE (get_previous_sibling_task (task)), -1);
  finish_edit (self, JH_NODE (task));
}

static void
outdent_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  JhOutline *self = JH_OUTLINE (widget);
  JhNode *node = get_selected_task_or_section (self, JH_TYPE_TASK);
  g_autoptr(JhTask) task = node ? g_object_ref (JH_TASK (node)) : NULL;
  JhTask *parent;

  if (task == NULL || self->history == NULL)
    return;

  parent = jh_task_get_parent_task (task);
  if (parent == NULL)
    return;

  /* The task comes right after the task it was under. */
  jh_history_seal (self->history);
  jh_history_move (self->history, JH_NODE (task), jh_node_get_parent (JH_NODE (parent)),
                   jh_node_get_position (JH_NODE (parent)) + 1);
  finish_edit (self, JH_NODE (task));
}

static void
update_actions (JhOutline *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  JhNode *node = self->selected;
  JhTask *task = node && JH_IS_TASK (node) ? JH_TASK (node) : NULL;
  gboolean editable = self->plan != NULL && self->history != NULL;
  guint position = node ? jh_node_get_position (node) : 0;
  guint n_siblings = 0;

  if (node != NULL && jh_node_get_parent (node) != NULL)
    n_siblings = g_list_model_get_n_items (jh_node_get_child_list (jh_node_get_parent (node),
                                                                   G_OBJECT_TYPE (node)));

  gtk_widget_action_set_enabled (widget, "outline.add-task", editable);
  gtk_widget_action_set_enabled (widget, "outline.add-section", editable);
  gtk_widget_action_set_enabled (widget, "outline.add-subtask",
                                 editable && task != NULL && jh_task_get_depth (task) < JH_TASK_MAX_DEPTH);
  gtk_widget_action_set_enabled (widget, "outline.remove", editable && node != NULL);
  gtk_widget_action_set_enabled (widget, "outline.move-up", editable && node != NULL && position > 0);
  gtk_widget_action_set_enabled (widget, "outline.move-down", editable && node != NULL && position + 1 < n_siblings);
  gtk_widget_action_set_enabled (widget, "outline.indent", editable && can_indent (task));
  gtk_widget_action_set_enabled (widget, "outline.outdent",
                                 editable && task != NULL && jh_task_get_parent_task (task) != NULL);
}

/**
 * jh_outline_drop:
 * @self: a #JhOutline
 * @dragged: the section or task dragged
 * @target: the section or task of the row it is dropped on
 *
 * Drops @dragged onto the row of @target: a task goes before the target
 * task, or at the end of the target section; a section goes before the
 * target section.  Drag and drop in the list calls this.
 *
 * Returns: whether the drop was done
 */
gboolean
jh_outline_drop (JhOutline *self,
                 JhNode    *dragged,
                 JhNode    *target)
{
  g_return_val_if_fail (JH_IS_OUTLINE (self), FALSE);
  g_return_val_if_fail (JH_IS_NODE (dragged), FALSE);
  g_return_val_if_fail (JH_IS_NODE (target), FALSE);

  JhNode *new_parent;
  int position;

  if (self->history == NULL || dragged == target)
    return FALSE;

  /* Never into itself. */
  for (JhNode *node = target; node != NULL; node = jh_node_get_parent (node))
    if (node == dragged)
      return FALSE;

  if (JH_IS_TASK (dragged) && JH_IS_SECTION (target))
    {
      new_parent = target;
      position = -1;
    }
  else if ((JH_IS_TASK (dragged) && JH_IS_TASK (target)) ||
           (JH_IS_SECTION (dragged) && JH_IS_SECTION (target)))
    {
      new_parent = jh_node_get_parent (target);
      position = jh_node_get_position (target);
      if (new_parent == jh_node_get_parent (dragged) &&
          jh_node_get_position (dragged) < (guint) position)
        position--;
    }
  else
    {
      return FALSE;
    }

  if (JH_IS_TASK (dragged) && JH_IS_TASK (new_parent) &&
      jh_task_get_depth (JH_TASK (new_parent)) + jh_task_get_height (JH_TASK (dragged)) > JH_TASK_MAX_DEPTH)
    return FALSE;

  jh_history_seal (self->history);
  jh_history_move (self->history, dragged, new_parent, position);
  finish_edit (self, dragged);

  return TRUE;
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkListItem   *list_item)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  g_autoptr(GObject) node = row ? gtk_tree_list_row_get_item (row) : NULL;

  if (node == NULL)
    return NULL;

  return gdk_content_provider_new_typed (JH_TYPE_NODE, node);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GtkListItem   *list_item)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  JhOutline *self = JH_OUTLINE (gtk_widget_get_ancestor (widget, JH_TYPE_OUTLINE));
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  g_autoptr(GObject) node = row ? gtk_tree_list_row_get_item (row) : NULL;

  if (self == NULL || node == NULL || !G_VALUE_HOLDS (value, JH_TYPE_NODE))
    return FALSE;

  return jh_outline_drop (self, g_value_get_object (value), JH_NODE (node));
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              JhOutline                *self)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *label = gtk_label_new (NULL);
  GtkDragSource *drag = gtk_drag_source_new ();
  GtkDropTarget *drop = gtk_drop_target_new (JH_TYPE_NODE, GDK_ACTION_MOVE);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), label);
  gtk_list_item_set_child (list_item, expander);

  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (drag_prepare_cb), list_item);
  gtk_widget_add_controller (expander, GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), list_item);
  gtk_widget_add_controller (expander, GTK_EVENT_CONTROLLER (drop));
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             JhOutline                *self)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *expander = gtk_list_item_get_child (list_item);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  g_hash_table_add (self->bound_items, list_item);
  update_label (list_item);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               JhOutline                *self)
{
  g_hash_table_remove (self->bound_items, list_item);
}

static void
context_menu_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 JhOutline       *self)
{
  GtkWidget *popover = gtk_popover_menu_new_from_model (self->context_menu);

  gtk_widget_set_parent (popover, GTK_WIDGET (self));
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &(GdkRectangle) { x, y, 1, 1 });
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  g_signal_connect (popover, "closed", G_CALLBACK (gtk_widget_unparent), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
}

static void
disconnect_plan (JhOutline *self)
{
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_func (self->plan, plan_changed_cb, self);
}

static void
jh_outline_dispose (GObject *object)
{
  JhOutline *self = (JhOutline *) object;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  disconnect_plan (self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, selection_changed_cb, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), JH_TYPE_OUTLINE);

  g_clear_object (&self->selection);
  g_clear_object (&self->tree);
  g_clear_object (&self->plan);
  g_clear_object (&self->history);
  g_clear_object (&self->selected);
  g_clear_pointer (&self->structure, g_ptr_array_unref);
  g_clear_pointer (&self->bound_items, g_hash_table_unref);

  G_OBJECT_CLASS (jh_outline_parent_class)->dispose (object);
}

static void
jh_outline_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  JhOutline *self = JH_OUTLINE (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;

    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;

    case PROP_SELECTED:
      g_value_set_object (value, self->selected);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jh_outline_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  JhOutline *self = JH_OUTLINE (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      jh_outline_set_plan (self, g_value_get_object (value));
      break;

    case PROP_HISTORY:
      jh_outline_set_history (self, g_value_get_object (value));
      break;

    case PROP_SELECTED:
      jh_outline_select (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jh_outline_class_init (JhOutlineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jh_outline_dispose;
  object_class->get_property = jh_outline_get_property;
  object_class->set_property = jh_outline_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL,
                         JH_TYPE_PLAN,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL,
                         JH_TYPE_HISTORY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * JhOutline:selected:
   *
   * The section or task selected, which the window edits.
   */
  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL,
                         JH_TYPE_NODE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jihua/Jihua/jh-outline.ui");
  gtk_widget_class_bind_template_child (widget_class, JhOutline, list_view);
  gtk_widget_class_bind_template_child (widget_class, JhOutline, context_menu);

  gtk_widget_class_install_action (widget_class, "outline.add-task", NULL, add_task_action);
  gtk_widget_class_install_action (widget_class, "outline.add-subtask", NULL, add_subtask_action);
  gtk_widget_class_install_action (widget_class, "outline.add-section", NULL, add_section_action);
  gtk_widget_class_install_action (widget_class, "outline.remove", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "outline.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "outline.move-down", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "outline.indent", NULL, indent_action);
  gtk_widget_class_install_action (widget_class, "outline.outdent", NULL, outdent_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "outline.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "outline.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "outline.indent", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "outline.outdent", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "outline.remove", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "outline.add-task", NULL);

  gtk_widget_class_set_css_name (widget_class, "outline");
}

static void
jh_outline_init (JhOutline *self)
{
  GtkListItemFactory *factory;
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->structure = g_ptr_array_new ();
  self->bound_items = g_hash_table_new (NULL, NULL);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (context_menu_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), GTK_EVENT_CONTROLLER (click));

  update_actions (self);
}

GtkWidget *
jh_outline_new (void)
{
  return g_object_new (JH_TYPE_OUTLINE, NULL);
}

/**
 * jh_outline_get_plan:
 * @self: a #JhOutline
 *
 * Returns: (transfer none) (nullable): the plan shown
 */
JhPlan *
jh_outline_get_plan (JhOutline *self)
{
  g_return_val_if_fail (JH_IS_OUTLINE (self), NULL);

  return self->plan;
}

void
jh_outline_set_plan (JhOutline *self,
                     JhPlan    *plan)
{
  g_return_if_fail (JH_IS_OUTLINE (self));
  g_return_if_fail (plan == NULL || JH_IS_PLAN (plan));

  if (self->plan == plan)
    return;

  disconnect_plan (self);
  g_set_object (&self->plan, plan);
  g_clear_object (&self->selected);
  if (plan != NULL)
    g_signal_connect (plan, "changed", G_CALLBACK (plan_changed_cb), self);

  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

/**
 * jh_outline_get_history:
 * @self: a #JhOutline
 *
 * Returns: (transfer none) (nullable): the history edits go through
 */
JhHistory *
jh_outline_get_history (JhOutline *self)
{
  g_return_val_if_fail (JH_IS_OUTLINE (self), NULL);

  return self->history;
}

void
jh_outline_set_history (JhOutline *self,
                        JhHistory *history)
{
  g_return_if_fail (JH_IS_OUTLINE (self));
  g_return_if_fail (history == NULL || JH_IS_HISTORY (history));

  if (g_set_object (&self->history, history))
    {
      update_actions (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
    }
}

/**
 * jh_outline_get_selected:
 * @self: a #JhOutline
 *
 * Returns: (transfer none) (nullable): the selected section or task
 */
JhNode *
jh_outline_get_selected (JhOutline *self)
{
  g_return_val_if_fail (JH_IS_OUTLINE (self), NULL);

  return self->selected;
}

/**
 * jh_outline_select:
 * @self: a #JhOutline
 * @node: (nullable): a section or task of the plan, or %NULL
 *
 * Selects @node and scrolls it into view.
 */
void
jh_outline_select (JhOutline *self,
                   JhNode    *node)
{
  guint position;

  g_return_if_fail (JH_IS_OUTLINE (self));

  if (self->selection == NULL)
    return;

  position = node ? find_row (self, node) : GTK_INVALID_LIST_POSITION;
  gtk_single_selection_set_selected (self->selection, position);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

/**
 * jh_outline_get_rows:
 * @self: a #JhOutline
 *
 * Returns: (transfer none) (nullable): the rows as shown, a list of
 *   #GtkTreeListRow
 */
GListModel *
jh_outline_get_rows (JhOutline *self)
{
  g_return_val_if_fail (JH_IS_OUTLINE (self), NULL);

  return G_LIST_MODEL (self->tree);
}
