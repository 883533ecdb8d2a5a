/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Jihua"

#include "config.h"

#include "jh-enum-types.h"
#include "jh-node-private.h"
#include "jh-numbering.h"
#include "jh-plan.h"
#include "jh-section.h"

struct _JhSection
{
  JhNode         parent_instance;

  char          *title;
  JhSectionKind  kind;

  GListStore    *paragraphs;
  GListStore    *tasks;
};

G_DEFINE_FINAL_TYPE (JhSection, jh_section, JH_TYPE_NODE)

enum {
  PROP_0,
  PROP_KIND,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
jh_section_dispose (GObject *object)
{
  JhSection *self = (JhSection *) object;

  _jh_node_list_clear (self->paragraphs);
  _jh_node_list_clear (self->tasks);

  G_OBJECT_CLASS (jh_section_parent_class)->dispose (object);
}

static void
jh_section_finalize (GObject *object)
{
  JhSection *self = (JhSection *) object;

  g_clear_pointer (&self->title, g_free);
  g_clear_object (&self->paragraphs);
  g_clear_object (&self->tasks);

  G_OBJECT_CLASS (jh_section_parent_class)->finalize (object);
}

static void
jh_section_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  JhSection *self = JH_SECTION (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jh_section_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  JhSection *self = JH_SECTION (object);

  switch (prop_id)
    {
    case PROP_KIND:
      jh_section_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_TITLE:
      jh_section_set_title (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GListModel *
jh_section_get_child_list (JhNode *node,
                           GType   child_type)
{
  JhSection *self = JH_SECTION (node);

  if (child_type == JH_TYPE_PARAGRAPH)
    return G_LIST_MODEL (self->paragraphs);
  if (child_type == JH_TYPE_TASK)
    return G_LIST_MODEL (self->tasks);

  return NULL;
}

static gboolean
jh_section_can_hold (JhNode *node,
                     JhNode *child)
{
  return !JH_IS_TASK (child) || jh_task_get_height (JH_TASK (child)) <= JH_TASK_MAX_DEPTH;
}

static void
jh_section_class_init (JhSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  JhNodeClass *node_class = JH_NODE_CLASS (klass);

  object_class->dispose = jh_section_dispose;
  object_class->finalize = jh_section_finalize;
  object_class->get_property = jh_section_get_property;
  object_class->set_property = jh_section_set_property;

  node_class->get_child_list = jh_section_get_child_list;
  node_class->can_hold = jh_section_can_hold;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       JH_TYPE_SECTION_KIND,
                       JH_SECTION_KIND_OTHER,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * JhSection:title:
   *
   * The heading as the document shows it, without its number.  A section
   * without a title (such as the preamble) has no heading.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jh_section_init (JhSection *self)
{
  self->kind = JH_SECTION_KIND_OTHER;
  self->title = g_strdup ("");
  self->paragraphs = g_list_store_new (JH_TYPE_PARAGRAPH);
  self->tasks = g_list_store_new (JH_TYPE_TASK);
}

/**
 * jh_section_new:
 * @kind: what the section is
 * @title: (nullable): its heading, or %NULL for the usual one of @kind
 *
 * Returns: (transfer full): a new, empty section
 */
JhSection *
jh_section_new (JhSectionKind  kind,
                const char    *title)
{
  if (title == NULL)
    title = jh_section_kind_get_title (kind);

  return g_object_new (JH_TYPE_SECTION,
                       "kind", kind,
                       "title", title,
                       NULL);
}

JhSectionKind
jh_section_get_kind (JhSection *self)
{
  g_return_val_if_fail (JH_IS_SECTION (self), JH_SECTION_KIND_OTHER);

  return self->kind;
}

void
jh_section_set_kind (JhSection     *self,
                     JhSectionKind  kind)
{
  g_return_if_fail (JH_IS_SECTION (self));
  g_return_if_fail (kind <= JH_SECTION_KIND_OTHER);

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
jh_section_get_title (JhSection *self)
{
  g_return_val_if_fail (JH_IS_SECTION (self), NULL);

  return self->title;
}

void
jh_section_set_title (JhSection  *self,
                      const char *title)
{
  g_return_if_fail (JH_IS_SECTION (self));

  if (_jh_set_line (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * jh_section_get_paragraphs:
 * @self: a #JhSection
 *
 * Returns: (transfer none): the paragraphs that come before the section's
 *   tasks, a list of #JhParagraph
 */
GListModel *
jh_section_get_paragraphs (JhSection *self)
{
  g_return_val_if_fail (JH_IS_SECTION (self), NULL);

  return G_LIST_MODEL (self->paragraphs);
}

void
jh_section_insert_paragraph (JhSection   *self,
                             int          position,
                             JhParagraph *paragraph)
{
  g_return_if_fail (JH_IS_SECTION (self));
  g_return_if_fail (JH_IS_PARAGRAPH (paragraph));
  g_return_if_fail (jh_node_get_parent (JH_NODE (paragraph)) == NULL);

  _jh_node_list_insert (JH_NODE (self), self->paragraphs, position, paragraph);
}

gboolean
jh_section_remove_paragraph (JhSection   *self,
                             JhParagraph *paragraph)
{
  g_return_val_if_fail (JH_IS_SECTION (self), FALSE);
  g_return_val_if_fail (JH_IS_PARAGRAPH (paragraph), FALSE);

  return _jh_node_list_remove (JH_NODE (self), self->paragraphs, paragraph);
}

/**
 * jh_section_get_tasks:
 * @self: a #JhSection
 *
 * Returns: (transfer none): the top-level tasks, a list of #JhTask
 */
GListModel *
jh_section_get_tasks (JhSection *self)
{
  g_return_val_if_fail (JH_IS_SECTION (self), NULL);

  return G_LIST_MODEL (self->tasks);
}

void
jh_section_insert_task (JhSection *self,
                        int        position,
                        JhTask    *task)
{
  g_return_if_fail (JH_IS_SECTION (self));
  g_return_if_fail (JH_IS_TASK (task));
  g_return_if_fail (jh_node_get_parent (JH_NODE (task)) == NULL);
  g_return_if_fail (jh_task_get_height (task) <= JH_TASK_MAX_DEPTH);

  _jh_node_list_insert (JH_NODE (self), self->tasks, position, task);
}

gboolean
jh_section_remove_task (JhSection *self,
                        JhTask    *task)
{
  g_return_val_if_fail (JH_IS_SECTION (self), FALSE);
  g_return_val_if_fail (JH_IS_TASK (task), FALSE);

  return _jh_node_list_remove (JH_NODE (self), self->tasks, task);
}

gboolean
jh_section_move_task (JhSection *self,
                      JhTask    *task,
                      guint      position)
{
  g_return_val_if_fail (JH_IS_SECTION (self), FALSE);
  g_return_val_if_fail (JH_IS_TASK (task), FALSE);

  return _jh_node_list_move (JH_NODE (self), self->tasks, task, position);
}

/**
 * jh_section_get_plan:
 * @self: a #JhSection
 *
 * Returns: (transfer none) (nullable): the plan holding the section
 */
JhPlan *
jh_section_get_plan (JhSection *self)
{
  JhNode *parent;

  g_return_val_if_fail (JH_IS_SECTION (self), NULL);

  parent = jh_node_get_parent (JH_NODE (self));

  return JH_IS_PLAN (parent) ? JH_PLAN (parent) : NULL;
}

/**
 * jh_section_is_numbered:
 * @self: a #JhSection
 *
 * Sections with a heading are numbered 一、 二、 三、 in the document; the
 * preamble, attachments and sections without a title are not.
 *
 * Returns: whether the section's heading carries a number
 */
gboolean
jh_section_is_numbered (JhSection *self)
{
  g_return_val_if_fail (JH_IS_SECTION (self), FALSE);

  return self->kind != JH_SECTION_KIND_PREAMBLE &&
         self->kind != JH_SECTION_KIND_ATTACHMENT &&
         *self->title != '\0';
}

/**
 * jh_section_get_number:
 * @self: a #JhSection
 *
 * Returns: the section's number among the numbered sections of its plan,
 *   counting from 1, or 0 when it is not numbered
 */
guint
jh_section_get_number (JhSection *self)
{
  JhPlan *plan;
  GListModel *sections;
  guint number = 0;

  g_return_val_if_fail (JH_IS_SECTION (self), 0);

  if (!jh_section_is_numbered (self))
    return 0;

  plan = jh_section_get_plan (self);
  if (plan == NULL)
    return 1;

  sections = jh_plan_get_sections (plan);
  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(JhSection) section = g_list_model_get_item (sections, i);

      if (jh_section_is_numbered (section))
        number++;

      if (section == self)
        return number;
    }

  g_assert_not_reached ();
}

/**
 * jh_section_dup_numbering:
 * @self: a #JhSection
 *
 * Returns: (transfer full) (nullable): the number of the section's
 *   heading as printed ("二、"), or %NULL when it has none
 */
char *
jh_section_dup_numbering (JhSection *self)
{
  guint number;

  g_return_val_if_fail (JH_IS_SECTION (self), NULL);

  number = jh_section_get_number (self);
  if (number == 0)
    return NULL;

  return jh_numbering_format (1, number);
}
