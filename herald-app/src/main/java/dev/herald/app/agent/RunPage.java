package dev.herald.app.agent;

/**
 * A run's page as read at one hub position.
 *
 * @param position the position the run was read at: a live page subscribes from there
 */
record RunPage(String position, RunView view) {
}
