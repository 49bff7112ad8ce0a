/// The OpenAPI 3.0 document of the API, served at `/api/v1/openapi.json`. A test checks that it lists every route
/// the router has under `/api/v1`, `/healthz` and `/metrics`.
enum OpenAPIDocument {
    static let json = #"""
{
 "openapi": "3.0.3",
 "info": {
  "title": "Kino API",
  "version": "1.0.0",
  "description": "Film search and discovery in Russian and English: search with facets, suggestions, films, similar films and people. Errors are {\"error\": {\"code\", \"message\"}} with a 4xx or 5xx status; invalid values are a 400 naming the parameter, unknown parameters are ignored. URLs over 8 KiB are refused with 414."
 },
 "paths": {
  "/api/v1/search": {
   "get": {
    "operationId": "search",
    "summary": "Search films, with facet counts.",
    "parameters": [
     {
      "name": "q",
      "in": "query",
      "required": false,
      "description": "The words typed; empty to browse. The last word is read as a prefix. Only the first 256 characters are read.",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "genre",
      "in": "query",
      "required": false,
      "description": "Genres; repeat for any of several.",
      "schema": {
       "type": "array",
       "items": {
        "type": "string",
        "enum": [
         "action",
         "adult",
         "adventure",
         "animation",
         "anime",
         "biography",
         "ceremony",
         "comedy",
         "concert",
         "crime",
         "documentary",
         "drama",
         "family",
         "fantasy",
         "filmNoir",
         "gameShow",
         "history",
         "horror",
         "kids",
         "music",
         "musical",
         "mystery",
         "news",
         "realityTV",
         "romance",
         "scienceFiction",
         "short",
         "sport",
         "talkShow",
         "thriller",
         "tvMovie",
         "war",
         "western"
        ]
       }
      },
      "style": "form",
      "explode": true
     },
     {
      "name": "country",
      "in": "query",
      "required": false,
      "description": "ISO 3166 country codes; repeat for any of several.",
      "schema": {
       "type": "array",
       "items": {
        "type": "string",
        "pattern": "^[A-Za-z]{2}$"
       }
      },
      "style": "form",
      "explode": true
     },
     {
      "name": "type",
      "in": "query",
      "required": false,
      "description": "Film types.",
      "schema": {
       "type": "array",
       "items": {
        "type": "string",
        "enum": [
         "film",
         "series",
         "animated",
         "documentary",
         "short"
        ]
       }
      },
      "style": "form",
      "explode": true
     },
     {
      "name": "decade",
      "in": "query",
      "required": false,
      "description": "Decades by their first year.",
      "schema": {
       "type": "array",
       "items": {
        "type": "integer",
        "minimum": 1800,
        "maximum": 2100,
        "multipleOf": 10
       }
      },
      "style": "form",
      "explode": true
     },
     {
      "name": "age_rating",
      "in": "query",
      "required": false,
      "description": "Age ratings in years.",
      "schema": {
       "type": "array",
       "items": {
        "type": "integer",
        "minimum": 0,
        "maximum": 21
       }
      },
      "style": "form",
      "explode": true
     },
     {
      "name": "year_from",
      "in": "query",
      "required": false,
      "description": "The earliest year.",
      "schema": {
       "type": "integer",
       "minimum": 1800,
       "maximum": 2100
      }
     },
     {
      "name": "year_to",
      "in": "query",
      "required": false,
      "description": "The latest year.",
      "schema": {
       "type": "integer",
       "minimum": 1800,
       "maximum": 2100
      }
     },
     {
      "name": "rating_min",
      "in": "query",
      "required": false,
      "description": "The lowest rating.",
      "schema": {
       "type": "number",
       "minimum": 0,
       "maximum": 10
      }
     },
     {
      "name": "rating_max",
      "in": "query",
      "required": false,
      "description": "The highest rating.",
      "schema": {
       "type": "number",
       "minimum": 0,
       "maximum": 10
      }
     },
     {
      "name": "runtime_min",
      "in": "query",
      "required": false,
      "description": "The shortest runtime in minutes.",
      "schema": {
       "type": "integer",
       "minimum": 0,
       "maximum": 10000
      }
     },
     {
      "name": "runtime_max",
      "in": "query",
      "required": false,
      "description": "The longest runtime in minutes.",
      "schema": {
       "type": "integer",
       "minimum": 0,
       "maximum": 10000
      }
     },
     {
      "name": "sort",
      "in": "query",
      "required": false,
      "description": "The order of hits.",
      "schema": {
       "type": "string",
       "enum": [
        "relevance",
        "rating",
        "votes",
        "year",
        "popularity"
       ]
      }
     },
     {
      "name": "page",
      "in": "query",
      "required": false,
      "description": "The page, from 1; pages end at hit 10,000.",
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 10000
      }
     },
     {
      "name": "per_page",
      "in": "query",
      "required": false,
      "description": "Hits per page.",
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 100
      }
     },
     {
      "name": "lang",
      "in": "query",
      "required": false,
      "description": "The language of facet labels.",
      "schema": {
       "type": "string",
       "enum": [
        "ru",
        "en"
       ]
      }
     }
    ],
    "responses": {
     "200": {
      "description": "Hits and facets.",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/SearchResponse"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error"
     },
     "503": {
      "$ref": "#/components/responses/Error"
     },
     "414": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/v1/suggest": {
   "get": {
    "operationId": "suggest",
    "summary": "At most 10 films and people for a search box, as you type.",
    "parameters": [
     {
      "name": "q",
      "in": "query",
      "required": false,
      "description": "The words typed so far. Only the first 256 characters are read.",
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "lang",
      "in": "query",
      "required": false,
      "description": "The language of facet labels.",
      "schema": {
       "type": "string",
       "enum": [
        "ru",
        "en"
       ]
      }
     }
    ],
    "responses": {
     "200": {
      "description": "Suggestions.",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Suggestions"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error"
     },
     "503": {
      "$ref": "#/components/responses/Error"
     },
     "414": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/v1/films/{id}": {
   "get": {
    "operationId": "film",
    "summary": "The whole film as the catalog holds it.",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "minimum": 1
      }
     }
    ],
    "responses": {
     "200": {
      "description": "The film.",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Film"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error"
     },
     "404": {
      "$ref": "#/components/responses/Error"
     },
     "414": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/v1/films/{id}/similar": {
   "get": {
    "operationId": "similarFilms",
    "summary": "Films like this one, with the reasons each was chosen.",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "minimum": 1
      }
     },
     {
      "name": "limit",
      "in": "query",
      "required": false,
      "description": "How many films.",
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 100
      }
     }
    ],
    "responses": {
     "200": {
      "description": "Similar films.",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/SimilarFilms"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error"
     },
     "404": {
      "$ref": "#/components/responses/Error"
     },
     "503": {
      "$ref": "#/components/responses/Error"
     },
     "414": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/v1/people/{id}": {
   "get": {
    "operationId": "person",
    "summary": "A person and their films.",
    "parameters": [
     {
      "name": "id",
      "in": "path",
      "required": true,
      "schema": {
       "type": "integer",
       "minimum": 1
      }
     }
    ],
    "responses": {
     "200": {
      "description": "The person.",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Person"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error"
     },
     "404": {
      "$ref": "#/components/responses/Error"
     },
     "414": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/healthz": {
   "get": {
    "operationId": "health",
    "summary": "Whether the server serves, and which index generation.",
    "responses": {
     "200": {
      "description": "Serving.",
      "content": {
       "application/json": {
        "schema": {
         "type": "object",
         "required": [
          "status",
          "generation",
          "films"
         ],
         "properties": {
          "status": {
           "type": "string"
          },
          "generation": {
           "type": "string"
          },
          "films": {
           "type": "integer"
          }
         }
        }
       }
      }
     }
    }
   }
  },
  "/metrics": {
   "get": {
    "operationId": "metrics",
    "summary": "Prometheus metrics: requests and latency by route, search latency, the index generation and size.",
    "responses": {
     "200": {
      "description": "The Prometheus text format.",
      "content": {
       "text/plain": {
        "schema": {
         "type": "string"
        }
       }
      }
     }
    }
   }
  },
  "/api/v1/openapi.json": {
   "get": {
    "operationId": "openapi",
    "summary": "This document.",
    "responses": {
     "200": {
      "description": "The OpenAPI document.",
      "content": {
       "application/json": {
        "schema": {
         "type": "object"
        }
       }
      }
     }
    }
   }
  }
 },
 "components": {
  "responses": {
   "Error": {
    "description": "An error naming what was wrong.",
    "content": {
     "application/json": {
      "schema": {
       "$ref": "#/components/schemas/Error"
      }
     }
    }
   }
  },
  "schemas": {
   "Error": {
    "type": "object",
    "required": [
     "error"
    ],
    "properties": {
     "error": {
      "type": "object",
      "required": [
       "code",
       "message"
      ],
      "properties": {
       "code": {
        "type": "string"
       },
       "message": {
        "type": "string"
       }
      }
     }
    }
   },
   "ExternalIDs": {
    "type": "object",
    "description": "Every id the film has elsewhere.",
    "properties": {
     "tmdb": {
      "type": "integer"
     },
     "imdb": {
      "type": "string"
     },
     "kinopoisk": {
      "type": "integer"
     },
     "movielens": {
      "type": "integer"
     },
     "mkrf": {
      "type": "string"
     }
    }
   },
   "FilmListing": {
    "type": "object",
    "required": [
     "id",
     "title",
     "year",
     "genres",
     "countries",
     "rating",
     "votes",
     "poster"
    ],
    "properties": {
     "id": {
      "type": "integer"
     },
     "title": {
      "type": "string"
     },
     "original_title": {
      "type": "string",
      "nullable": true
     },
     "year": {
      "type": "integer",
      "nullable": true
     },
     "type": {
      "type": "string"
     },
     "genres": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "countries": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "rating": {
      "type": "number",
      "nullable": true
     },
     "votes": {
      "type": "integer",
      "nullable": true
     },
     "poster": {
      "type": "string",
      "nullable": true
     },
     "external_ids": {
      "$ref": "#/components/schemas/ExternalIDs"
     }
    }
   },
   "SearchHit": {
    "allOf": [
     {
      "$ref": "#/components/schemas/FilmListing"
     },
     {
      "type": "object",
      "required": [
       "type",
       "external_ids",
       "highlight"
      ],
      "properties": {
       "highlight": {
        "type": "object",
        "description": "HTML-escaped text with matched words in <mark>: title and a description snippet.",
        "additionalProperties": {
         "type": "string"
        }
       }
      }
     }
    ]
   },
   "FacetValue": {
    "type": "object",
    "required": [
     "value",
     "label",
     "count"
    ],
    "properties": {
     "value": {
      "type": "string"
     },
     "label": {
      "type": "string"
     },
     "count": {
      "type": "integer",
      "minimum": 0
     }
    }
   },
   "SearchResponse": {
    "type": "object",
    "required": [
     "query",
     "total",
     "took_ms",
     "page",
     "per_page",
     "corrected",
     "hits",
     "facets"
    ],
    "properties": {
     "query": {
      "type": "string"
     },
     "total": {
      "type": "integer",
      "minimum": 0
     },
     "took_ms": {
      "type": "number"
     },
     "page": {
      "type": "integer"
     },
     "per_page": {
      "type": "integer"
     },
     "corrected": {
      "type": "string",
      "nullable": true
     },
     "hits": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/SearchHit"
      }
     },
     "facets": {
      "type": "object",
      "description": "By facet: genre, country, decade, type, age_rating.",
      "additionalProperties": {
       "type": "array",
       "items": {
        "$ref": "#/components/schemas/FacetValue"
       }
      }
     }
    }
   },
   "Suggestions": {
    "type": "object",
    "required": [
     "query",
     "suggestions"
    ],
    "properties": {
     "query": {
      "type": "string"
     },
     "corrected": {
      "type": "string",
      "nullable": true
     },
     "suggestions": {
      "type": "array",
      "maxItems": 10,
      "items": {
       "type": "object",
       "required": [
        "kind",
        "id",
        "title",
        "url"
       ],
       "properties": {
        "kind": {
         "type": "string",
         "enum": [
          "film",
          "person"
         ]
        },
        "id": {
         "type": "integer"
        },
        "title": {
         "type": "string"
        },
        "subtitle": {
         "type": "string"
        },
        "year": {
         "type": "integer"
        },
        "url": {
         "type": "string"
        }
       }
      }
     }
    }
   },
   "Film": {
    "type": "object",
    "required": [
     "id",
     "type"
    ],
    "description": "Every field the catalog has; absent fields are left out.",
    "properties": {
     "id": {
      "type": "integer"
     },
     "type": {
      "type": "string"
     },
     "title_ru": {
      "type": "string"
     },
     "original_title": {
      "type": "string"
     },
     "title_en": {
      "type": "string"
     },
     "alternative_titles": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "year": {
      "type": "integer"
     },
     "release_date": {
      "type": "string"
     },
     "runtime": {
      "type": "integer"
     },
     "countries": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "genres": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "age_rating": {
      "type": "string"
     },
     "description_ru": {
      "type": "string"
     },
     "description_en": {
      "type": "string"
     },
     "keywords": {
      "type": "array",
      "items": {
       "type": "string"
      }
     },
     "credits": {
      "type": "array",
      "items": {
       "type": "object",
       "required": [
        "person_id",
        "name",
        "role"
       ],
       "properties": {
        "person_id": {
         "type": "integer"
        },
        "name": {
         "type": "string"
        },
        "name_en": {
         "type": "string"
        },
        "role": {
         "type": "string"
        },
        "character": {
         "type": "string"
        }
       }
      }
     },
     "ratings": {
      "type": "array",
      "items": {
       "type": "object",
       "required": [
        "source",
        "value"
       ],
       "properties": {
        "source": {
         "type": "string"
        },
        "value": {
         "type": "number"
        },
        "votes": {
         "type": "integer"
        }
       }
      }
     },
     "poster": {
      "type": "string"
     },
     "external_ids": {
      "type": "object",
      "additionalProperties": {
       "type": "string"
      }
     }
    }
   },
   "SimilarFilms": {
    "type": "object",
    "required": [
     "id",
     "title",
     "similar"
    ],
    "properties": {
     "id": {
      "type": "integer"
     },
     "title": {
      "type": "string"
     },
     "similar": {
      "type": "array",
      "items": {
       "allOf": [
        {
         "$ref": "#/components/schemas/FilmListing"
        },
        {
         "type": "object",
         "required": [
          "score",
          "reasons"
         ],
         "properties": {
          "score": {
           "type": "number"
          },
          "reasons": {
           "type": "array",
           "items": {
            "type": "object",
            "required": [
             "kind",
             "shared",
             "score"
            ],
            "properties": {
             "kind": {
              "type": "string"
             },
             "shared": {
              "type": "array",
              "items": {
               "type": "string"
              }
             },
             "score": {
              "type": "number"
             }
            }
           }
          }
         }
        }
       ]
      }
     }
    }
   },
   "Person": {
    "type": "object",
    "required": [
     "id",
     "name",
     "films"
    ],
    "properties": {
     "id": {
      "type": "integer"
     },
     "name": {
      "type": "string"
     },
     "name_en": {
      "type": "string",
      "nullable": true
     },
     "kinopoisk_id": {
      "type": "integer",
      "nullable": true
     },
     "films": {
      "type": "array",
      "items": {
       "allOf": [
        {
         "$ref": "#/components/schemas/FilmListing"
        },
        {
         "type": "object",
         "required": [
          "role"
         ],
         "properties": {
          "role": {
           "type": "string"
          }
         }
        }
       ]
      }
     }
    }
   }
  }
 }
}
"""#
}
