import { graphql, type ResultOf, type VariablesOf } from "@/graphql";
import { queryApi } from "@/lib/graphql";

/** What a watchlist's filter shows wherever it is summarised. */
export const WatchlistFilterFields = graphql(`
  fragment WatchlistFilterFields on Watchlist @_unmask {
    id
    name
    includeUnits
    dealTypes
    entities {
      id
      name
    }
    regions {
      code
      name
    }
    sectors {
      code
      name
    }
  }
`);

/** What a row of arrivals shows: the same fields the live feed relays. */
export const ArrivalDealFields = graphql(`
  fragment ArrivalDealFields on Deal @_unmask {
    id
    title
    type
    status
    announced {
      label
    }
    regions {
      code
      name
    }
    sectors {
      code
      name
    }
    participants {
      entity {
        id
        name
      }
    }
  }
`);

const WatchlistsQuery = graphql(
  `
    query Watchlists {
      watchlists {
        ...WatchlistFilterFields
        lastSeenAt
        newArrivalCount
      }
    }
  `,
  [WatchlistFilterFields],
);

export type WatchlistSummary = ResultOf<typeof WatchlistsQuery>["watchlists"][number];

export async function listWatchlists(): Promise<WatchlistSummary[]> {
  return (await queryApi(WatchlistsQuery, {})).watchlists;
}

export const ARRIVALS_PAGE_SIZE = 20;

const WatchlistQuery = graphql(
  `
    query Watchlist($id: ID!, $first: Int!, $after: String) {
      watchlist(id: $id) {
        ...WatchlistFilterFields
        createdAt
        lastSeenAt
        newArrivalCount
        latest: arrivals(first: 1) {
          nodes {
            arrivedAt
          }
        }
        newArrivals: arrivals(first: 50, onlyNew: true) {
          totalCount
          nodes {
            arrivedAt
            isNew
            deal {
              ...ArrivalDealFields
            }
          }
        }
        arrivals(first: $first, after: $after) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            arrivedAt
            isNew
            deal {
              ...ArrivalDealFields
            }
          }
        }
        webhook {
          url
          secretPrefix
          disabledAt
          deliveries(first: 20) {
            totalCount
            nodes {
              id
              status
              attempts
              responseStatus
              lastError
              lastAttemptAt
              deliveredAt
              nextAttemptAt
              deal {
                id
                title
              }
            }
          }
        }
      }
    }
  `,
  [WatchlistFilterFields, ArrivalDealFields],
);

export type WatchlistView = NonNullable<ResultOf<typeof WatchlistQuery>["watchlist"]>;
export type ArrivalView = WatchlistView["arrivals"]["nodes"][number];
export type DeliveryView = NonNullable<WatchlistView["webhook"]>["deliveries"]["nodes"][number];

/** One of the dashboard user's watchlists with a page of its arrivals; null when it is not there (or not theirs). */
export async function getWatchlist(id: string, after?: string): Promise<WatchlistView | null> {
  return (await queryApi(WatchlistQuery, { id, first: ARRIVALS_PAGE_SIZE, after: after ?? null })).watchlist;
}

const WatchlistExistsQuery = graphql(`
  query WatchlistExists($id: ID!) {
    watchlist(id: $id) {
      id
    }
  }
`);

export async function watchlistExists(id: string): Promise<boolean> {
  return (await queryApi(WatchlistExistsQuery, { id })).watchlist != null;
}

const RecentArrivalsQuery = graphql(
  `
    query RecentArrivals($id: ID!, $since: DateTimeISO) {
      watchlist(id: $id) {
        arrivals(first: 100, since: $since) {
          nodes {
            arrivedAt
            deal {
              ...ArrivalDealFields
            }
          }
        }
      }
    }
  `,
  [ArrivalDealFields],
);

export type RecentArrival = NonNullable<ResultOf<typeof RecentArrivalsQuery>["watchlist"]>["arrivals"]["nodes"][number];

/** Arrivals after `since` (newest first, up to 100), to fill the gap a live feed had while it was not connected. */
export async function recentArrivals(id: string, since: string | null): Promise<RecentArrival[]> {
  return (await queryApi(RecentArrivalsQuery, { id, since })).watchlist?.arrivals.nodes ?? [];
}

const UserErrorFields = graphql(`
  fragment UserErrorFields on UserError @_unmask {
    code
    field
    message
  }
`);

const CreateWatchlistMutation = graphql(
  `
    mutation CreateWatchlist($input: WatchlistInput!) {
      createWatchlist(input: $input) {
        errors {
          ...UserErrorFields
        }
        watchlist {
          id
        }
      }
    }
  `,
  [UserErrorFields],
);

export type WatchlistInput = VariablesOf<typeof CreateWatchlistMutation>["input"];

export async function createWatchlist(input: WatchlistInput) {
  return (await queryApi(CreateWatchlistMutation, { input })).createWatchlist;
}

const DeleteWatchlistMutation = graphql(
  `
    mutation DeleteWatchlist($id: ID!) {
      deleteWatchlist(id: $id) {
        errors {
          ...UserErrorFields
        }
      }
    }
  `,
  [UserErrorFields],
);

export async function deleteWatchlist(id: string) {
  return (await queryApi(DeleteWatchlistMutation, { id })).deleteWatchlist;
}

const MarkWatchlistSeenMutation = graphql(
  `
    mutation MarkWatchlistSeen($id: ID!) {
      markWatchlistSeen(id: $id) {
        errors {
          ...UserErrorFields
        }
        watchlist {
          lastSeenAt
        }
      }
    }
  `,
  [UserErrorFields],
);

export async function markWatchlistSeen(id: string) {
  return (await queryApi(MarkWatchlistSeenMutation, { id })).markWatchlistSeen;
}

const SetWebhookMutation = graphql(
  `
    mutation SetWatchlistWebhook($input: SetWebhookInput!) {
      setWatchlistWebhook(input: $input) {
        errors {
          ...UserErrorFields
        }
        secret
        webhook {
          url
          secretPrefix
        }
      }
    }
  `,
  [UserErrorFields],
);

export async function setWatchlistWebhook(watchlistId: string, url: string) {
  return (await queryApi(SetWebhookMutation, { input: { watchlistId, url } })).setWatchlistWebhook;
}

const RemoveWebhookMutation = graphql(
  `
    mutation RemoveWatchlistWebhook($watchlistId: ID!) {
      removeWatchlistWebhook(watchlistId: $watchlistId) {
        errors {
          ...UserErrorFields
        }
      }
    }
  `,
  [UserErrorFields],
);

export async function removeWatchlistWebhook(watchlistId: string) {
  return (await queryApi(RemoveWebhookMutation, { watchlistId })).removeWatchlistWebhook;
}

const RedeliverMutation = graphql(
  `
    mutation RedeliverWebhook($deliveryId: ID!) {
      redeliverWebhook(deliveryId: $deliveryId) {
        errors {
          ...UserErrorFields
        }
      }
    }
  `,
  [UserErrorFields],
);

export async function redeliverWebhook(deliveryId: string) {
  return (await queryApi(RedeliverMutation, { deliveryId })).redeliverWebhook;
}

/** The subscription the live feed relay opens on the API (see lib/live-relay.ts). */
export const DealAddedSubscription = graphql(
  `
    subscription DealAdded($watchlistId: ID!) {
      dealAdded(watchlistId: $watchlistId) {
        arrivedAt
        deal {
          ...ArrivalDealFields
        }
      }
    }
  `,
  [ArrivalDealFields],
);

export type DealAddedResult = ResultOf<typeof DealAddedSubscription>;
