/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include <gobject/gvaluecollector.h>

#include "jh-history.h"
#include "jh-node-private.h"
#include "jh-paragraph.h"

/**
 * JhHistory:
 *
 * One undo history for a plan, across text and structure: every change
 * an editor makes goes through the history, which performs it and
 * remembers how to take it back.  Changes are grouped into steps; a step
 * is what one Undo takes back.
 *
 * The history only knows the changes made through it.  Views must not
 * change the plan behind its back, or the positions it remembers would
 * no longer be right.
 */

typedef enum
{
  EDIT_SET,
  EDIT_INSERT,
  EDIT_REMOVE,
  EDIT_MOVE,
} EditKind;

typedef struct
{
  EditKind    kind;
  JhNode     *node;
  /* EDIT_SET */
  GParamSpec *pspec;
  GValue      old_value;
  GValue      new_value;
  /* EDIT_INSERT, EDIT_REMOVE and EDIT_MOVE: where the node was, and
   * where it went.
   */
  JhNode     *old_parent;
  guint       old_position;
  JhNode     *new_parent;
  guint       new_position;
} Edit;

typedef struct
{
  char      *label;
  GPtrArray *edits;
  gint64     time;
  gboolean   sealed;
} Step;

struct _JhHistory
{
  GObject  parent_instance;

  GQueue   undo_steps;
  GQueue   redo_steps;
  Step    *open_step;
  guint    depth;
  gboolean replaying;
};

G_DEFINE_FINAL_TYPE (JhHistory, jh_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
edit_free (Edit *edit)
{
  g_clear_object (&edit->node);
  g_clear_object (&edit->old_parent);
  g_clear_object (&edit->new_parent);
  if (G_IS_VALUE (&edit->old_value))
    g_value_unset (&edit->old_value);
  if (G_IS_VALUE (&edit->new_value))
    g_value_unset (&edit->new_value);
  g_free (edit);
}

static Step *
step_new (const char *label)
{
  Step *step = g_new0 (Step, 1);

  step->label = g_strdup (label);
  step->edits = g_ptr_array_new_with_free_func ((GDestroyNotify) edit_free);
  step->time = g_get_monotonic_time ();

  return step;
}

static void
step_free (Step *step)
{
  g_free (step->label);
  g_ptr_array_unref (step->edits);
  g_free (step);
}

static void
notify_can (JhHistory *self,
            gboolean   could_undo,
            gboolean   could_redo)
{
  if (could_undo != jh_history_get_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != jh_history_get_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static void
clear_queue (GQueue *queue)
{
  g_queue_clear_full (queue, (GDestroyNotify) step_free);
}

static void
jh_history_finalize (GObject *object)
{
  JhHistory *self = (JhHistory *) object;

  clear_queue (&self->undo_steps);
  clear_queue (&self->redo_steps);
  g_clear_pointer (&self->open_step, step_free);

  G_OBJECT_CLASS (jh_history_parent_class)->finalize (object);
}

static void
jh_history_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  JhHistory *self = JH_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, jh_history_get_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, jh_history_get_can_redo (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jh_history_class_init (JhHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jh_history_finalize;
  object_class->get_property = jh_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jh_history_init (JhHistory *self)
{
  g_queue_init (&self->undo_steps);
  g_queue_init (&self->redo_steps);
}

JhHistory *
jh_history_new (void)
{
  return g_object_new (JH_TYPE_HISTORY, NULL);
}

gboolean
jh_history_get_can_undo (JhHistory *self)
{
  g_return_val_if_fail (JH_IS_HISTORY (self), FALSE);

  return !g_queue_is_empty (&self->undo_steps);
}

gboolean
jh_history_get_can_redo (JhHistory *self)
{
  g_return_val_if_fail (JH_IS_HISTORY (self), FALSE);

  return !g_queue_is_empty (&self->redo_steps);
}

/**
 * jh_history_get_undo_label:
 * @self: a #JhHistory
 *
 * Returns: (nullable): the label of the step Undo takes back
 */
const char *
jh_history_get_undo_label (JhHistory *self)
{
  Step *step;

  g_return_val_if_fail (JH_IS_HISTORY (self), NULL);

  step = g_queue_peek_head (&self->undo_steps);

  return step ? step->label : NULL;
}

/**
 * jh_history_get_redo_label:
 * @self: a #JhHistory
 *
 * Returns: (nullable): the label of the step Redo does again
 */
const char *
jh_history_get_redo_label (JhHistory *self)
{
  Step *step;

  g_return_val_if_fail (JH_IS_HISTORY (self), NULL);

  step = g_queue_peek_head (&self->redo_steps);

  return step ? step->label : NULL;
}

/* Applies an edit forwards or backwards. */
static void
apply_edit (Edit     *edit,
            gboolean  forwards)
{
  switch (edit->kind)
    {
    case EDIT_SET:
      g_object_set_property (G_OBJECT (edit->node), edit->pspec->name,
                             forwards ? &edit->new_value : &edit->old_value);
      break;

    case EDIT_INSERT:
      if (forwards)
        jh_node_insert_child (edit->new_parent, edit->new_position, edit->node);
      else
        jh_node_remove_child (edit->new_parent, edit->node);
      break;

    case EDIT_REMOVE:
      if (forwards)
        jh_node_remove_child (edit->old_parent, edit->node);
      else
        jh_node_insert_child (edit->old_parent, edit->old_position, edit->node);
      break;

    case EDIT_MOVE:
      {
        JhNode *from = forwards ? edit->old_parent : edit->new_parent;
        JhNode *to = forwards ? edit->new_parent : edit->old_parent;
        guint position = forwards ? edit->new_position : edit->old_position;

        if (from == to)
          {
            jh_node_move_child (to, edit->node, position);
          }
        else
          {
            jh_node_remove_child (from, edit->node);
            jh_node_insert_child (to, position, edit->node);
          }
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
push_undo_step (JhHistory *self,
                Step      *step)
{
  g_queue_push_head (&self->undo_steps, step);

  while (g_queue_get_length (&self->undo_steps) > JH_HISTORY_MAX_STEPS)
    step_free (g_queue_pop_tail (&self->undo_steps));
}

/* Takes the newest step of @from and applies it backwards (undo, onto
 * the redo steps) or forwards (redo, onto the undo steps).
 */
static gboolean
replay (JhHistory *self,
        GQueue    *from,
        gboolean   forwards)
{
  gboolean could_undo = jh_history_get_can_undo (self);
  gboolean could_redo = jh_history_get_can_redo (self);
  Step *step = g_queue_pop_head (from);

  if (step == NULL)
    return FALSE;

  self->replaying = TRUE;
  for (guint i = 0; i < step->edits->len; i++)
    apply_edit (g_ptr_array_index (step->edits, forwards ? i : step->edits->len - 1 - i), forwards);
  self->replaying = FALSE;

  /* A step that was undone never merges with new typing. */
  step->sealed = TRUE;
  if (forwards)
    push_undo_step (self, step);
  else
    g_queue_push_head (&self->redo_steps, step);
  notify_can (self, could_undo, could_redo);

  return TRUE;
}

/**
 * jh_history_undo:
 * @self: a #JhHistory
 *
 * Takes back the last step.
 *
 * Returns: %TRUE if there was a step to take back
 */
gboolean
jh_history_undo (JhHistory *self)
{
  g_return_val_if_fail (JH_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->depth == 0, FALSE);

  return replay (self, &self->undo_steps, FALSE);
}

/**
 * jh_history_redo:
 * @self: a #JhHistory
 *
 * Does again the last step taken back.
 *
 * Returns: %TRUE if there was a step to do again
 */
gboolean
jh_history_redo (JhHistory *self)
{
  g_return_val_if_fail (JH_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->depth == 0, FALSE);

  return replay (self, &self->redo_steps, TRUE);
}

/**
 * jh_history_clear:
 * @self: a #JhHistory
 *
 * Forgets every step, as when another plan is loaded.
 */
void
jh_history_clear (JhHistory *self)
{
  gboolean could_undo, could_redo;

  g_return_if_fail (JH_IS_HISTORY (self));
  g_return_if_fail (self->depth == 0);

  could_undo = jh_history_get_can_undo (self);
  could_redo = jh_history_get_can_redo (self);
  clear_queue (&self->undo_steps);
  clear_queue (&self->redo_steps);
  notify_can (self, could_undo, could_redo);
}

/**
 * jh_history_begin:
 * @self: a #JhHistory
 * @label: (nullable): what the step does, for the Undo menu item
 *
 * Starts a step: the edits until the matching jh_history_end() are
 * taken back by one Undo.  Steps may nest; the outermost one counts.
 */
void
jh_history_begin (JhHistory  *self,
                  const char *label)
{
  g_return_if_fail (JH_IS_HISTORY (self));
  g_return_if_fail (!self->replaying);

  if (self->depth++ == 0)
    self->open_step = step_new (label);
}

/**
 * jh_history_end:
 * @self: a #JhHistory
 *
 * Ends the step started by jh_history_begin().
 */
void
jh_history_end (JhHistory *self)
{
  gboolean could_undo, could_redo;
  Step *step;

  g_return_if_fail (JH_IS_HISTORY (self));
  g_return_if_fail (self->depth > 0);

  if (--self->depth > 0)
    return;

  step = g_steal_pointer (&self->open_step);
  if (step->edits->len == 0)
    {
      step_free (step);
      return;
    }

  could_undo = jh_history_get_can_undo (self);
  could_redo = jh_history_get_can_redo (self);

  /* A new change makes what was undone unreachable. */
  clear_queue (&self->redo_steps);
  push_undo_step (self, step);
  notify_can (self, could_undo, could_redo);
}

/**
 * jh_history_seal:
 * @self: a #JhHistory
 *
 * Keeps the next edit from merging into the last step, as when the user
 * moves to another field.
 */
void
jh_history_seal (JhHistory *self)
{
  Step *step;

  g_return_if_fail (JH_IS_HISTORY (self));

  step = g_queue_peek_head (&self->undo_steps);
  if (step != NULL)
    step->sealed = TRUE;
}

/* Merges a change of a property into the last step when it is the same
 * property of the same node, changed a moment ago: typing is one step.
 */
static gboolean
merge_set (JhHistory  *self,
           JhNode     *node,
           GParamSpec *pspec,
           GValue     *new_value)
{
  Step *step = g_queue_peek_head (&self->undo_steps);
  gint64 now = g_get_monotonic_time ();
  Edit *edit;

  /* Only a lone edit merges: not one inside a step the caller named or
   * that already holds other edits.
   */
  if (self->open_step != NULL &&
      (self->open_step->label != NULL || self->open_step->edits->len > 0))
    return FALSE;

  if (step == NULL || step->sealed || step->edits->len != 1 ||
      now - step->time > JH_HISTORY_MERGE_INTERVAL_USEC)
    return FALSE;

  edit = g_ptr_array_index (step->edits, 0);
  if (edit->kind != EDIT_SET || edit->node != node || edit->pspec != pspec)
    return FALSE;

  g_value_copy (new_value, &edit->new_value);
  step->time = now;
  g_object_set_property (G_OBJECT (node), pspec->name, new_value);

  return TRUE;
}

static void
record (JhHistory  *self,
        Edit       *edit,
        const char *label)
{
  jh_history_begin (self, label);
  g_ptr_array_add (self->open_step->edits, edit);
  apply_edit (edit, TRUE);
  jh_history_end (self);
}

/**
 * jh_history_set_property:
 * @self: a #JhHistory
 * @node: a part of the plan
 * @property: the name of one of its properties
 * @value: the new value
 *
 * Sets a property of @node, to be undone.  Nothing is recorded when the
 * value does not change.
 */
void
jh_history_set_property (JhHistory    *self,
                         JhNode       *node,
                         const char   *property,
                         const GValue *value)
{
  GParamSpec *pspec;
  Edit *edit;
  g_auto(GValue) old_value = G_VALUE_INIT;
  g_auto(GValue) new_value = G_VALUE_INIT;

  g_return_if_fail (JH_IS_HISTORY (self));
  g_return_if_fail (JH_IS_NODE (node));
  g_return_if_fail (property != NULL);
  g_return_if_fail (G_IS_VALUE (value));

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (node), property);
  g_return_if_fail (pspec != NULL);

  g_value_init (&old_value, pspec->value_type);
  g_object_get_property (G_OBJECT (node), pspec->name, &old_value);
  g_value_init (&new_value, pspec->value_type);
  if (!g_value_transform (value, &new_value))
    g_return_if_reached ();

  if (g_param_values_cmp (pspec, &old_value, &new_value) == 0)
    return;

  if (merge_set (self, node, pspec, &new_value))
    return;

  edit = g_new0 (Edit, 1);
  edit->kind = EDIT_SET;
  edit->node = g_object_ref (node);
  edit->pspec = pspec;
  g_value_init (&edit->old_value, pspec->value_type);
  g_value_copy (&old_value, &edit->old_value);
  g_value_init (&edit->new_value, pspec->value_type);
  g_value_copy (&new_value, &edit->new_value);

  record (self, edit, NULL);
}

/**
 * jh_history_set:
 * @self: a #JhHistory
 * @node: a part of the plan
 * @first_property: the name of the first property to set
 * @...: its value, then more name/value pairs, then %NULL
 *
 * Sets properties of @node as g_object_set() does, as one step.
 */
void
jh_history_set (JhHistory  *self,
                JhNode     *node,
                const char *first_property,
                ...)
{
  va_list args;

  g_return_if_fail (JH_IS_HISTORY (self));
  g_return_if_fail (JH_IS_NODE (node));

  jh_history_begin (self, NULL);

  va_start (args, first_property);
  for (const char *name = first_property; name != NULL; name = va_arg (args, const char *))
    {
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *error = NULL;
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (node), name);

      if (pspec == NULL)
        {
          g_critical ("%s has no property “%s”", G_OBJECT_TYPE_NAME (node), name);
          break;
        }

      G_VALUE_COLLECT_INIT (&value, pspec->value_type, args, 0, &error);
      if (error != NULL)
        {
          g_critical ("%s", error);
          break;
        }

      jh_history_set_property (self, node, name, &value);
    }
  va_end (args);

  jh_history_end (self);
}

/**
 * jh_history_insert:
 * @self: a #JhHistory
 * @parent: where to insert
 * @position: the position among the children of the same type, or -1
 * @child: a node without a parent, which @parent can hold
 *
 * Inserts @child, to be undone.
 */
void
jh_history_insert (JhHistory *self,
                   JhNode    *parent,
                   int        position,
                   JhNode    *child)
{
  GListModel *siblings;
  Edit *edit;

  g_return_if_fail (JH_IS_HISTORY (self));
  g_return_if_fail (JH_IS_NODE (parent));
  g_return_if_fail (jh_node_can_hold (parent, child));

  siblings = jh_node_get_child_list (parent, G_OBJECT_TYPE (child));
  if (position < 0 || (guint) position > g_list_model_get_n_items (siblings))
    position = g_list_model_get_n_items (siblings);

  edit = g_new0 (Edit, 1);
  edit->kind = EDIT_INSERT;
  edit->node = g_object_ref (child);
  edit->new_parent = g_object_ref (parent);
  edit->new_position = position;

  record (self, edit, NULL);
}

/**
 * jh_history_remove:
 * @self: a #JhHistory
 * @child: a node with a parent
 *
 * Removes @child from its parent, to be undone: Undo puts it back where
 * it was, with everything it held.
 */
void
jh_history_remove (JhHistory *self,
                   JhNode    *child)
{
  Edit *edit;

  g_return_if_fail (JH_IS_HISTORY (self));
  g_return_if_fail (JH_IS_NODE (child));
  g_return_if_fail (jh_node_get_parent (child) != NULL);

  edit = g_new0 (Edit, 1);
  edit->kind = EDIT_REMOVE;
  edit->node = g_object_ref (child);
  edit->old_parent = g_object_ref (jh_node_get_parent (child));
  edit->old_position = jh_node_get_position (child);

  record (self, edit, NULL);
}

/**
 * jh_history_move:
 * @self: a #JhHistory
 * @child: a node with a parent
 * @new_parent: where it goes: its parent, or another node that can hold it
 * @position: its position there, or -1 for the end
 *
 * Moves @child, to be undone.  Moving a task to another parent is how
 * tasks are indented and outdented.
 */
void
jh_history_move (JhHistory *self,
                 JhNode    *child,
                 JhNode    *new_parent,
                 int        position)
{
  JhNode *old_parent;
  GListModel *siblings;
  guint n_items;
  Edit *edit;

  g_return_if_fail (JH_IS_HISTORY (self));
  g_return_if_fail (JH_IS_NODE (child));
  g_return_if_fail (JH_IS_NODE (new_parent));

  old_parent = jh_node_get_parent (child);
  g_return_if_fail (old_parent != NULL);

  siblings = jh_node_get_child_list (new_parent, G_OBJECT_TYPE (child));
  g_return_if_fail (siblings != NULL);

  /* Within one list the child itself counts; into another it does not. */
  n_items = g_list_model_get_n_items (siblings);
  if (old_parent == new_parent)
    n_items--;
  if (position < 0 || (guint) position > n_items)
    position = n_items;

  if (old_parent == new_parent && (guint) position == jh_node_get_position (child))
    return;

  if (old_parent != new_parent)
    {
      for (JhNode *ancestor = new_parent; ancestor != NULL; ancestor = jh_node_get_parent (ancestor))
        g_return_if_fail (ancestor != child);

      g_return_if_fail (_jh_node_accepts (new_parent, child));
    }

  edit = g_new0 (Edit, 1);
  edit->kind = EDIT_MOVE;
  edit->node = g_object_ref (child);
  edit->old_parent = g_object_ref (old_parent);
  edit->old_position = jh_node_get_position (child);
  edit->new_parent = g_object_ref (new_parent);
  edit->new_position = position;

  record (self, edit, NULL);
}

/**
 * jh_history_set_body:
 * @self: a #JhHistory
 * @parent: a section or a task
 * @text: its body as one text, a paragraph a line
 *
 * Makes the paragraphs of @parent read @text, as an editor of the body
 * does after each keystroke, changing as little as it can: paragraphs
 * that read the same stay the same objects, with their provenance, so
 * that the checks still know which were copied unchanged; a changed line
 * changes the text of its paragraph; new lines become new paragraphs.
 * Typing within one paragraph merges into one step to undo.
 */
void
jh_history_set_body (JhHistory  *self,
                     JhNode     *parent,
                     const char *text)
{
  g_auto(GStrv) lines = NULL;
  GListModel *paragraphs;
  guint n_lines, n_paragraphs, prefix = 0, suffix = 0;

  g_return_if_fail (JH_IS_HISTORY (self));
  g_return_if_fail (JH_IS_NODE (parent));
  g_return_if_fail (text != NULL);

  paragraphs = jh_node_get_child_list (parent, JH_TYPE_PARAGRAPH);
  g_return_if_fail (paragraphs != NULL);

  lines = g_strsplit (text, "\n", -1);
  n_lines = g_strv_length (lines);
  n_paragraphs = g_list_model_get_n_items (paragraphs);

  /* The lines that did not change at the start and at the end. */
  while (prefix < n_lines && prefix < n_paragraphs)
    {
      g_autoptr(JhParagraph) paragraph = g_list_model_get_item (paragraphs, prefix);

      if (!g_str_equal (jh_paragraph_get_text (paragraph), lines[prefix]))
        break;
      prefix++;
    }

  while (suffix < n_lines - prefix && suffix < n_paragraphs - prefix)
    {
      g_autoptr(JhParagraph) paragraph = g_list_model_get_item (paragraphs, n_paragraphs - 1 - suffix);

      if (!g_str_equal (jh_paragraph_get_text (paragraph), lines[n_lines - 1 - suffix]))
        break;
      suffix++;
    }

  if (prefix == n_lines && prefix == n_paragraphs)
    return;

  jh_history_begin (self, NULL);

  /* The lines between are paired with the paragraphs between, in order:
   * an edited line keeps its paragraph; what is left over is inserted or
   * removed.
   */
  {
    guint old_count = n_paragraphs - prefix - suffix;
    guint new_count = n_lines - prefix - suffix;
    guint paired = MIN (old_count, new_count);

    for (guint i = 0; i < paired; i++)
      {
        g_autoptr(JhParagraph) paragraph = g_list_model_get_item (paragraphs, prefix + i);

        jh_history_set (self, JH_NODE (paragraph), "text", lines[prefix + i], NULL);
      }

    for (guint i = paired; i < new_count; i++)
      {
        g_autoptr(JhParagraph) paragraph = jh_paragraph_new (lines[prefix + i]);

        jh_history_insert (self, parent, prefix + i, JH_NODE (paragraph));
      }

    for (guint i = paired; i < old_count; i++)
      {
        g_autoptr(JhParagraph) paragraph = g_list_model_get_item (paragraphs, prefix + paired);

        jh_history_remove (self, JH_NODE (paragraph));
      }
  }

  jh_history_end (self);
}
